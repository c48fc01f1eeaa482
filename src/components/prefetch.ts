/**
 * Loads Python in the background as soon as any runnable block is on screen (after the page's
 * first paint), so the first Run rarely waits; hovering or focusing Run starts it too. When the
 * page is idle, the service worker is asked to keep the site for offline use: only a reader who
 * meets runnable code downloads it.
 */
let observer: IntersectionObserver | null = null;

/** Calls `start` once, when `block` (or any block observed before it) first comes into view. */
export function prefetchWhenVisible(block: HTMLElement, start: () => void): void {
  observer ??= new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer?.disconnect();
    start();
    if ("requestIdleCallback" in window) requestIdleCallback(askForPrecache, { timeout: 2000 });
    else setTimeout(askForPrecache, 200);
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

/** Calls `start` whenever the pointer or the focus reaches `run` (the reader is about to Run). */
export function prefetchOnIntent(run: HTMLElement, start: () => void): void {
  run.addEventListener("pointerenter", start);
  run.addEventListener("focus", start);
}
