/**
 * One browser engine, driven from outside as a reader would use it: the few things the smoke
 * checks need (`checks.ts`), written once for Firefox over WebDriver BiDi (`firefox.ts`) and once
 * for WebKit over classic WebDriver (`webkit.ts`). Waiting is polling the page, the same way in
 * both, so no check depends on what one protocol can wait for.
 */

export interface Engine {
  /** The engine's name in reports ("Firefox ESR 140.12.0esr"). */
  readonly name: string;
  /** Navigates and waits for the load; page errors from then on are collected. */
  open(url: string): Promise<void>;
  /** The value of a JavaScript expression in the page (JSON-serialisable). */
  value<T>(expression: string): Promise<T>;
  /** Clicks the first element matching `css`, as a reader's click. */
  click(css: string): Promise<void>;
  /** Types `text` into the field matching `css` as keystrokes, then Enter. */
  typeLine(css: string, text: string): Promise<void>;
  /** Page errors and console errors seen since the last `open` (and what the engine adds). */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * In-page collector of errors, installed by each engine after a navigation: uncaught errors and
 * unhandled rejections from the page, as `window.__engineProblems`.
 */
export const COLLECT_PROBLEMS = `(() => {
  if (window.__engineProblems) return;
  window.__engineProblems = [];
  addEventListener("error", (e) => window.__engineProblems.push("page error: " + e.message));
  addEventListener("unhandledrejection", (e) =>
    window.__engineProblems.push("unhandled rejection: " + String(e.reason)));
})()`;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Polls `expression` until it is truthy; fails after `timeoutMs` saying what it waited for. */
export async function waitFor(
  engine: Engine,
  expression: string,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await engine.value<boolean>(`Boolean(${expression})`)) return;
    if (Date.now() > deadline) throw new Error(`${engine.name}: timed out waiting for ${what}`);
    await sleep(50);
  }
}
