/**
 * The kill switch (a build with HUB_OFFLINE=off): replaces the portal's service worker, deletes
 * the portal's caches, unregisters itself and reloads open pages from the network. When the
 * browser holds it back, the build's pages do the same, except the reload (src/offline/retire.ts).
 */
import { isPortalCache } from '../lib/offline-caches.ts';

interface WorkerScope {
  skipWaiting(): Promise<void>;
  registration: { scope: string; unregister(): Promise<boolean> };
  clients: { matchAll(o: { type: 'window' }): Promise<Array<{ url: string; navigate(url: string): Promise<unknown> }>> };
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
}
const sw = globalThis as unknown as WorkerScope;

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      const { scope } = sw.registration;
      await Promise.all((await caches.keys()).filter((key) => isPortalCache(key, scope)).map((key) => caches.delete(key)));
      await sw.registration.unregister();
      for (const client of await sw.clients.matchAll({ type: 'window' })) await client.navigate(client.url);
    })(),
  ),
);
