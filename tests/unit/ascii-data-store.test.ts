/**
 * The content store's module written as ASCII (src/integrations/ascii-data-store.ts): the module
 * Astro generates, run before and after, must give exactly the same store.
 */
import { describe, expect, it } from 'vitest';
import { asciiDataStore, asciiJsonInLiteral, DATA_STORE_MODULE } from '../../src/integrations/ascii-data-store.ts';

/** The module as Astro's content plugin writes it (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const moduleOf = (store: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;
/** Run such a module's one expression. */
const run = (code: string): unknown => new Function(`return ${code.replace(/^export default /, '')}`)();
/** The JSON text such a module hands to JSON.parse: the string V8 must build from the literal. */
const jsonTextOf = (code: string): string => new Function('JSON', `return ${code.replace(/^export default /, '')}`)({ parse: (text: string) => text });

const store = {
  playbooks: [
    { id: 'tone', data: { title: 'Don’t argue in public — café “rules”' }, rendered: { html: '<p>It’s “ours”: naïve, 50 €, 東京, 🚨 and \\ "quotes" \n</p>' } },
    { id: 'plain', data: { title: 'Plain ASCII' }, rendered: { html: '<p>a\\u2019b</p>' } },
  ],
};

describe('asciiJsonInLiteral', () => {
  it('leaves only ASCII in the module and in the string its literal makes', () => {
    const code = asciiJsonInLiteral(moduleOf(store));
    expect(code).toMatch(/^[\0-\x7f]*$/);
    expect(jsonTextOf(code)).toMatch(/^[\0-\x7f]*$/);
    expect(jsonTextOf(moduleOf(store))).not.toMatch(/^[\0-\x7f]*$/);
  });
  it('the module gives back exactly the same store, astral characters and escapes included', () => {
    expect(run(asciiJsonInLiteral(moduleOf(store)))).toEqual(store);
    expect(run(moduleOf(store))).toEqual(store);
  });
  it('a store already in ASCII is unchanged', () => {
    const ascii = moduleOf({ a: [{ id: 'x', body: 'plain "text" \\ here' }] });
    expect(asciiJsonInLiteral(ascii)).toBe(ascii);
  });
});

describe('the Vite plugin', () => {
  const { transform } = asciiDataStore();
  it('rewrites the data store module and nothing else', () => {
    expect(transform.filter.id.test(DATA_STORE_MODULE)).toBe(true);
    expect(transform.filter.id.test('/src/pages/index.astro')).toBe(false);
    expect(transform.filter.id.test(`${DATA_STORE_MODULE}-chunk`)).toBe(false);
    expect(run(transform.handler(moduleOf(store))!.code)).toEqual(store);
    // Chunked storage writes another module shape; it is left as it is.
    expect(transform.handler('export default{"playbooks":[]}')).toBeUndefined();
  });
});
