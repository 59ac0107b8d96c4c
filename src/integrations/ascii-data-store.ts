/**
 * Astro hands the content data store to the server as one module,
 * `export default JSON.parse("<the whole store as a JSON text>")`, compiled again after every
 * content change under `astro dev`. V8 compiles a string literal whose value holds any character
 * outside ASCII (one curly quote is enough) more than ten times slower than an ASCII one: on the
 * bench's 2,000 entries, 6.7 s against 0.4 s for the same 34 MB, on every edit.
 *
 * This plugin writes each such character as a JSON `\uXXXX` escape inside that JSON text: the
 * literal becomes ASCII, and `JSON.parse` returns exactly the same store.
 */
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * The code with every non-ASCII character written as an escaped JSON escape (`\\uXXXX` in the JS
 * source, `\uXXXX` in the string's value). Only valid where those characters stand inside a JSON
 * string that is itself inside a JS string literal, as in the data store module, where a JSON text
 * holds them only inside its strings. Astral characters are two UTF-16 units, escaped one by one,
 * as JSON writes a surrogate pair.
 */
export function asciiJsonInLiteral(code: string): string {
  return code.replace(/[^\0-\x7f]/g, (c) => `\\\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Vite plugin's shape, written out: Vite is Astro's dependency, not the portal's. */
export interface AsciiDataStorePlugin {
  name: string;
  transform: { filter: { id: RegExp }; handler: (code: string) => { code: string; map: { mappings: '' } } | undefined };
}

export function asciiDataStore(): AsciiDataStorePlugin {
  return {
    name: 'hub:ascii-data-store',
    transform: {
      filter: { id: new RegExp(`^${DATA_STORE_MODULE}$`) },
      handler(code) {
        // Chunked storage (experimental.collectionStorage) writes other modules: left as they are.
        if (!code.startsWith('export default JSON.parse(')) return;
        return { code: asciiJsonInLiteral(code), map: { mappings: '' } };
      },
    },
  };
}
