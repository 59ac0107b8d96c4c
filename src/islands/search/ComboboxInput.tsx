import type { KeyboardEvent, Ref } from 'react';

interface Props {
  id: string;
  /** The id of the listbox the input controls; options are `${listId}-${index}`. */
  listId: string;
  expanded: boolean;
  active: number;
  value: string;
  placeholder: string;
  onChange: (value: string) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  inputRef?: Ref<HTMLInputElement>;
  describedBy?: string;
}

/** The search box of the ARIA combobox pattern: focus stays here while arrows move the active option. */
export function ComboboxInput({ id, listId, expanded, active, value, placeholder, onChange, onKeyDown, inputRef, describedBy }: Props) {
  return (
    <input
      ref={inputRef}
      id={id}
      type="search"
      role="combobox"
      aria-expanded={expanded}
      aria-controls={listId}
      aria-autocomplete="list"
      aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
      aria-describedby={describedBy}
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
