/**
 * How responsive a page stays: the longest gap between animation frames while something runs.
 * The print-flood e2e test bounds it loosely; the bench reports it against its 100 ms target.
 */
import type { Page } from "@playwright/test";

/** Samples `requestAnimationFrame` inside the page for `durationMs`; resolves the worst gap in ms. */
export function longestFrameGap(page: Page, durationMs: number): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let worst = 0;
        const end = last + duration;
        const tick = (now: number): void => {
          worst = Math.max(worst, now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else resolve(worst);
        };
        requestAnimationFrame(tick);
      }),
    durationMs,
  );
}
