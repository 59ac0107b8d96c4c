/**
 * Offline reading retired from a page of a kill-switch build (src/offline/register.ts), for when
 * the browser holds the kill switch's worker back.
 */
import { isPortalCache } from '../lib/offline.ts';

/**
 * Unregisters the portal's worker (registered at `scope`, an absolute URL) and deletes the
 * portal's caches; false when no worker was registered there. Pages the old worker controls keep
 * it until they close; no new page gets it.
 */
export async function retireOffline(scope: string): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration(scope);
  // Another application's worker may cover the portal from a wider scope: never touched.
  if (!registration || registration.scope !== scope) return false;
  await registration.unregister();
  await Promise.all((await caches.keys()).filter((key) => isPortalCache(key, scope)).map((key) => caches.delete(key)));
  return true;
}
