/**
 * Loads Python in the background once any runnable block is on screen and the page is idle, so
 * the first Run rarely waits; hovering or focusing Run starts it at once. Then the service worker
 * is asked to keep the site for offline use: only a reader who meets runnable code downloads it.
 */
let observer: IntersectionObserver | null = null;

/** Calls `start` once, when `block` (or any block observed before it) first comes into view. */
export function prefetchWhenVisible(block: HTMLElement, start: () => void): void {
  observer ??= new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer?.disconnect();
    const then = (): void => {
      start();
      askForPrecache();
    };
    if ("requestIdleCallback" in window) requestIdleCallback(then, { timeout: 2000 });
    else setTimeout(then, 200);
  });
  observer.observe(block);
}

/** Asks the site's service worker, once it is active, to cache the site (`service-worker.js`). */
function askForPrecache(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.ready
    .then((registration) => {
      registration.active?.postMessage({ type: "precache" });
    })
    .catch(() => undefined);
}
