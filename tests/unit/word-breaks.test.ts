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

describe('addWordBreaks and islands', () => {
  it('leaves island markup exactly as React rendered it, and fixes what is around it', () => {
    const island = '<astro-island uid="1" component-url="/a.js"><details><summary>Filter</summary><fieldset><legend>Type</legend></fieldset></details></astro-island>';
    expect(addWordBreaks(`<dl><dt>A</dt><dd>b</dd></dl>${island}<dl><dt>C</dt><dd>d</dd></dl>`))
      .toBe(`<dl><dt>A</dt> <dd>b</dd> </dl>${island}<dl><dt>C</dt> <dd>d</dd> </dl>`);
  });
});
