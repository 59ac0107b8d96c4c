/** Mounts the search dialog, loaded by src/scripts/search.ts when a reader first asks for search. */
import { createRoot } from 'react-dom/client';
import SearchDialog from './SearchDialog.tsx';

export function mount(container: HTMLElement, base: string): void {
  createRoot(container).render(<SearchDialog base={base} />);
}
