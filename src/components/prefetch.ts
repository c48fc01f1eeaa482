/**
 * Loads Python in the background once any runnable block is on screen and the page is idle, so
 * the first Run rarely waits; hovering or focusing Run starts it at once.
 */
let observer: IntersectionObserver | null = null;

/** Calls `start` once, when `block` (or any block observed before it) first comes into view. */
export function prefetchWhenVisible(block: HTMLElement, start: () => void): void {
  observer ??= new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer?.disconnect();
    if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  });
  observer.observe(block);
}
