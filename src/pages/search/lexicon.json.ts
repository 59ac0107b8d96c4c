/** The hub's vocabulary and the empty answer's links (src/lib/search/lexicon.ts), loaded with the first search. */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/load.ts';
import { searchHelpOf } from '../../data/search.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(searchHelpOf(await getSite())), { headers: { 'content-type': 'application/json' } });
