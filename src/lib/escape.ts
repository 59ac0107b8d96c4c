/** Text made safe to place between HTML tags: &, < and > escaped. */
export const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Text made safe between tags or in a quoted attribute, on one line: &, <, > and " escaped, and
 * line breaks written as character references, so that HTML written into Markdown stays one
 * block (a blank line would end it).
 */
export const escapeOneLine = (text: string): string => escapeText(text).replace(/"/g, '&quot;').replace(/\r?\n/g, '&#10;');
