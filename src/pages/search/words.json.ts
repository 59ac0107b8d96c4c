/** The index's words with page counts, loaded only when a query finds little (spelling correction). */
import type { APIRoute } from 'astro';
import { getSite } from '../../data/load.ts';
import { searchVocabularyOf } from '../../data/search.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(searchVocabularyOf(await getSite())), { headers: { 'content-type': 'application/json' } });
