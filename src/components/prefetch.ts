/**
 * Loads Python in the background as soon as any runnable block is on screen (after the page's
 * first paint), so the first Run rarely waits; hovering or focusing Run starts it too.
 */
let observer: IntersectionObserver | null = null;

/** Calls `start` once, when `block` (or any block observed before it) first comes into view. */
export function prefetchWhenVisible(block: HTMLElement, start: () => void): void {
  observer ??= new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    observer?.disconnect();
    start();
  });
  observer.observe(block);
}

/** Calls `start` whenever the pointer or the focus reaches `run` (the reader is about to Run). */
export function prefetchOnIntent(run: HTMLElement, start: () => void): void {
  run.addEventListener("pointerenter", start);
  run.addEventListener("focus", start);
}
