/**
 * Registers the service worker once the page is loaded and idle, so a first visit pays nothing for
 * offline reading: workbox-window and the status code arrive afterwards (src/offline/client.ts).
 * Pages of a build with the kill switch render no status element and register nothing; they load
 * src/offline/retire.ts instead (src/components/RetireOffline.astro).
 */
if ('serviceWorker' in navigator && !import.meta.env.DEV && document.querySelector('[data-offline-status]')) {
  const start = () => void import('./client.ts').then((m) => m.startOffline());
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(start, { timeout: 5000 }) : setTimeout(start, 1500));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
