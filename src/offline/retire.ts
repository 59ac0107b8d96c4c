/**
 * Loaded only by the pages of a build with the kill switch (HUB_OFFLINE=off), through
 * src/components/RetireOffline.astro.
 *
 * The kill switch's worker (src/offline/sw-off.ts) deletes the portal's caches, unregisters and
 * reloads the open pages once it activates. But a browser activates it only when the old worker has
 * no event still running, and a request left hanging (a dropped VPN) can hold it back for minutes.
 * So a page of the kill-switch build leaves the worker RETIRE_AFTER_MS to do it, then deletes the
 * caches and unregisters the old worker itself.
 */
import { isPortalCache } from '../lib/offline-caches.ts';

/** How long a page leaves the kill switch's worker before it retires offline reading itself. */
const RETIRE_AFTER_MS = 10_000;

/**
 * Unregisters the portal's worker (registered at `scope`, an absolute URL) and deletes the
 * portal's caches; false when no worker was registered there. Pages the old worker controls keep
 * it until they close; no page opened afterwards gets it.
 */
export async function retireOffline(scope: string): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration(scope);
  // Another application's worker may cover the portal from a wider scope: never touched.
  if (!registration || registration.scope !== scope) return false;
  await registration.unregister();
  await Promise.all((await caches.keys()).filter((key) => isPortalCache(key, scope)).map((key) => caches.delete(key)));
  return true;
}

if ('serviceWorker' in navigator && !import.meta.env.DEV) {
  const scope = new URL(import.meta.env.BASE_URL, location.href).href;
  setTimeout(() => void retireOffline(scope).catch(() => undefined), RETIRE_AFTER_MS);
}
