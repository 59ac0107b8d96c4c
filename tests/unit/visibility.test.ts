import { describe, expect, it } from 'vitest';
import { isBuilt, isListed, isWithdrawn, statusOf } from '../../src/lib/visibility.ts';

describe('visibility', () => {
  it('builds published and withdrawn entries, never drafts', () => {
    expect(['draft', 'published', 'withdrawn'].map((s) => isBuilt({ data: { status: s as 'draft' | 'published' | 'withdrawn' } }))).toEqual([false, true, true]);
  });
  it('lists published entries only', () => {
    expect(isListed('published')).toBe(true);
    expect(isListed('withdrawn')).toBe(false);
    expect(isListed('draft')).toBe(false);
    expect(isWithdrawn('withdrawn')).toBe(true);
    expect(isWithdrawn('published')).toBe(false);
  });
  it('treats an entry without a status (a glossary term, a spoke) as published', () => {
    expect(statusOf({ data: {} })).toBe('published');
    expect(isListed({ data: {} })).toBe(true);
    expect(isBuilt({ data: { status: undefined } })).toBe(true);
  });
});
