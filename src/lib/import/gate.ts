/**
 * What is imported at all: text files only, and pages the old site still served. An expired page
 * (Hugo's expiryDate, an `expires` field) or a redirect-only page (redirectTo, redirect_to) is not
 * content to carry over; it is skipped with its reason, or imported as withdrawn on request.
 */
import { toDay } from './fields.ts';

/**
 * Why a file read as UTF-8 cannot be a page, or undefined: NUL bytes mean binary data (a renamed
 * image or PDF); many undecodable bytes mean another encoding (an old Windows or Latin-1 export).
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'is not a text file (it holds binary data, like an image or a PDF renamed to .md); export the page as Markdown or leave it out.';
  const sample = text.slice(0, 8000);
  const bad = sample.match(/\uFFFD/g)?.length ?? 0;
  if (bad > 8 && bad / Math.max(1, sample.length) > 0.01) return `is not UTF-8 text (${bad} characters in its first ${sample.length} cannot be read); save it as UTF-8 and import it again.`;
  return undefined;
}

const norm = (k: string) => k.toLowerCase().replace(/[^a-z0-9]/g, '');
const EXPIRY_KEYS = ['expirydate', 'expires', 'expirationdate', 'expiry', 'expiresat'];
const REDIRECT_KEYS = ['redirectto', 'redirect', 'redirecturl', 'externalurl'];

export interface Lifecycle {
  /** The day the source expired, when it is not after `today`. */
  expired?: string;
  /** Where a redirect-only source sends readers. */
  redirect?: string;
}

/** Whether a source page had expired or only redirected elsewhere on the old site. */
export function lifecycleOf(frontmatter: Record<string, unknown>, today: string): Lifecycle {
  const out: Lifecycle = {};
  for (const [k, v] of Object.entries(frontmatter)) {
    const n = norm(k);
    if (EXPIRY_KEYS.includes(n)) {
      const day = toDay(v);
      if (day && day <= today) out.expired = day;
    }
    if (REDIRECT_KEYS.includes(n)) {
      const target = Array.isArray(v) ? v[0] : v;
      if (typeof target === 'string' && target.trim()) out.redirect = target.trim();
    }
  }
  return out;
}

/** Why a source with this lifecycle is left out, or undefined when it is imported. */
export function skipReason(life: Lifecycle): string | undefined {
  if (life.redirect) return `only redirects to ${life.redirect} on the old site; link the page it redirects to instead (or import with --include-expired to keep it as a withdrawn entry).`;
  if (life.expired) return `expired on ${life.expired} on the old site, so readers no longer saw it (import with --include-expired to keep it as a withdrawn entry).`;
  return undefined;
}
