import { z } from 'astro/zod';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A calendar day, stored as the string `YYYY-MM-DD`. YAML parsers disagree on unquoted dates
 * (js-yaml makes a Date, `yaml` keeps a string), so both are accepted and normalised. Days have no
 * time zone: review status is computed on days, never on instants.
 */
export const DaySchema = z
  .union([z.date(), z.string()], { error: 'Write the date as YYYY-MM-DD, for example 2026-03-31.' })
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
    if (!isCalendarDay(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a real date. Write it as YYYY-MM-DD, for example 2026-03-31.`,
      });
      return z.NEVER;
    }
    return text;
  });
