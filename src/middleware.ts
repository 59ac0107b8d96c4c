import { defineMiddleware } from 'astro:middleware';
import { addWordBreaks } from './lib/word-breaks.ts';

/** Every HTML page gets the word breaks its search index needs (src/lib/word-breaks.ts). */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(addWordBreaks(await response.text()), { status: response.status, statusText: response.statusText, headers });
});
