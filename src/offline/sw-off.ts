/**
 * The kill switch (a build with HUB_OFFLINE=off): replaces the portal's service worker, deletes
 * every cache it kept, unregisters itself and reloads open pages from the network.
 */
interface WorkerScope {
  skipWaiting(): Promise<void>;
  registration: { unregister(): Promise<boolean> };
  clients: { matchAll(o: { type: 'window' }): Promise<Array<{ url: string; navigate(url: string): Promise<unknown> }>> };
  addEventListener(type: 'install' | 'activate', listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
}
const sw = globalThis as unknown as WorkerScope;

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      await Promise.all((await caches.keys()).map((key) => caches.delete(key)));
      await sw.registration.unregister();
      for (const client of await sw.clients.matchAll({ type: 'window' })) await client.navigate(client.url);
    })(),
  ),
);
