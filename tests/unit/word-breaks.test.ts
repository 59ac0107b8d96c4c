import { describe, expect, it } from 'vitest';
import { addWordBreaks } from '../../src/lib/word-breaks.ts';

describe('addWordBreaks', () => {
  it('separates terms, definitions, header cells and captions that compressHTML glued together', () => {
    expect(addWordBreaks('<dl><dt>Goal</dt><dd>Every function</dd><dt>Use it when</dt><dd>PR asks</dd></dl>'))
      .toBe('<dl><dt>Goal</dt> <dd>Every function</dd> <dt>Use it when</dt> <dd>PR asks</dd> </dl>');
    expect(addWordBreaks('<table><caption>By role</caption><tr><th>Role</th><th>When</th></tr></table>'))
      .toBe('<table><caption>By role</caption> <tr><th>Role</th> <th>When</th> </tr></table>');
  });
  it('leaves text, other tags and escaped markup alone', () => {
    const html = '<p>a</p><li>b</li><pre>&lt;/dt&gt;&lt;dd&gt;</pre><td>c</td><th>d</th> <span>e</span>';
    expect(addWordBreaks(html)).toBe('<p>a</p><li>b</li><pre>&lt;/dt&gt;&lt;dd&gt;</pre><td>c</td><th>d</th> <span>e</span>');
  });
});
