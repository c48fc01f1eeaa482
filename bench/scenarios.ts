/**
 * The bench's scenarios, each timed as a reader meets it, inside the page where a click and what
 * the DOM shows can be timed without polling.
 */
import type { Browser, Page } from "@playwright/test";
import { playgroundPath } from "../e2e/pages.ts";
import { precacheIndex } from "../e2e/sw.ts";
import { ORIGIN } from "./server.ts";

export const HELLO = 'print("first line")\nfor i in range(3):\n    print("tick", i)\n';
export const ENDED = "[role=status][data-outcome]";
export const FIRST_LINE = "[role=log] .pb-line";
const SHOWN = `${FIRST_LINE}, ${ENDED}`;

export const oursPlayground = (code: string): string => `${ORIGIN}/${playgroundPath(code)}`;

export async function freshPage(
  browser: Browser,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** ms from navigation start until the first output, with Run clicked as soon as possible. */
export async function firstOutput(page: Page, url: string, ours: boolean): Promise<number> {
  await page.goto("about:blank");
  await page.goto(url, { waitUntil: "commit" });
  if (ours) {
    await page.locator("[data-runnable][data-editor=ready]").waitFor();
    await page.getByRole("button", { name: /^Run/ }).first().click();
    await page.locator(FIRST_LINE).first().waitFor({ timeout: 60_000 });
  } else {
    await page.locator("#code").fill(HELLO);
    await page.locator("#run").click();
    await page.locator("#output .line").first().waitFor({ timeout: 60_000 });
  }
  return page.evaluate(() => performance.now());
}

/** Waits until the page's runner is idle with `spares` workers booted (as a reader's page is). */
export async function runnerIdle(page: Page, spares = 2): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.documentElement.dataset["runnerState"] === "idle" &&
      Number(document.documentElement.dataset["runnerSpares"] ?? 0) >= n,
    spares,
    { timeout: 60_000 },
  );
}

/** Waits until the service worker has the whole site cached. */
export async function precached(page: Page): Promise<void> {
  for (let i = 0; i < 600 && !(await precacheIndex(page)); i += 1) await page.waitForTimeout(100);
}

/**
 * A warm visit's first output, traced: also whether V8 restored the wasm from its code cache
 * (`wasm.Deserialize`) instead of compiling it.
 */
export async function tracedWarmVisit(
  page: Page,
  url: string,
): Promise<{ ms: number; wasmFromCache: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Tracing.start", { categories: "v8.wasm", transferMode: "ReturnAsStream" });
  const ms = await firstOutput(page, url, true);
  const done = new Promise<{ stream?: string }>((resolve) => {
    cdp.once("Tracing.tracingComplete", resolve);
  });
  await cdp.send("Tracing.end");
  const { stream } = await done;
  let trace = "";
  for (let eof = false; stream && !eof;) {
    const chunk = await cdp.send("IO.read", { handle: stream });
    trace += chunk.data;
    eof = chunk.eof;
  }
  await cdp.detach();
  return { ms, wasmFromCache: trace.includes('"name":"wasm.Deserialize"') };
}

/**
 * In the page: clicks the first block's `button` and resolves the ms until `selector` shows in
 * the block.
 */
export function clickAndTime(page: Page, button: string, selector: string): Promise<number> {
  return page.evaluate(
    ({ button, selector }) =>
      new Promise<number>((resolve) => {
        const block = document.querySelector("[data-runnable]");
        const target = block?.querySelector<HTMLButtonElement>(button);
        if (!block || !target) throw new Error("no block");
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (block.querySelector(selector)) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(block, { subtree: true, childList: true, attributes: true });
        target.click();
      }),
    { button, selector },
  );
}

/** Ours: run `code` in a booted playground; ms from the click to `until` (optionally Stop). */
export async function timedRun(
  page: Page,
  code: string,
  until: string,
  stopAfterMs?: number,
): Promise<number> {
  await page.goto("about:blank");
  await page.goto(oursPlayground(code));
  await page.locator("[data-runnable][data-editor=ready]").waitFor();
  await runnerIdle(page);
  if (stopAfterMs === undefined) return clickAndTime(page, ".pb-run", until);
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await page.locator("[data-runnable][data-state=running]").waitFor();
  await page.waitForTimeout(stopAfterMs);
  return clickAndTime(page, ".pb-stop", until);
}

/**
 * A page turn: on a section with Python booted, the next section's link is clicked; the moment
 * its block is ready, Run. Resolves the ms from Run to what it shows first (output or ending).
 */
export async function nextPageRun(page: Page, from: string, to: RegExp): Promise<number> {
  await page.goto("about:blank");
  await page.goto(`${ORIGIN}${from}`);
  await runnerIdle(page);
  await page.locator("a[rel=next]").click();
  await page.waitForURL(to);
  await page.locator("[data-runnable][data-editor=ready]").first().waitFor();
  return clickAndTime(page, ".pb-run", SHOWN);
}

/** Run pressed again the moment an `os._exit` ending shows: ms from that click to the next ending. */
export async function respawnAtOnce(page: Page): Promise<number> {
  await page.goto("about:blank");
  await page.goto(oursPlayground("print('respawned')\nimport os\nos._exit(0)\n"));
  await page.locator("[data-runnable][data-editor=ready]").waitFor();
  await runnerIdle(page);
  return page.evaluate(
    (ended) =>
      new Promise<number>((resolve) => {
        const block = document.querySelector("[data-runnable]");
        const run = block?.querySelector<HTMLButtonElement>(".pb-run");
        if (!block || !run) throw new Error("no block");
        let t0 = 0;
        let cleared = false;
        const observer = new MutationObserver(() => {
          const shown = block.querySelector(ended) !== null;
          if (t0 === 0 && shown) {
            t0 = performance.now();
            run.click();
            cleared = block.querySelector(ended) === null;
          } else if (t0 !== 0 && !shown) {
            cleared = true;
          } else if (t0 !== 0 && cleared && shown) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(block, { subtree: true, childList: true, attributes: true });
        run.click();
      }),
    ENDED,
  );
}

/**
 * The way-out recorder's cost on a tight loop of 10 million iterations, measured inside one run:
 * after a warm-up, the loop timed with the recorder listening, then with its events switched off,
 * twice each (alternating), the best of each compared.
 */
const RECORDER_LOOP = `import sys, time
def loop(n):
    i = 0
    while i < n:
        i += 1
def timed():
    t = time.perf_counter()
    loop(10_000_000)
    return time.perf_counter() - t
tool = next(t for t in range(6) if sys.monitoring.get_tool(t) == "way out")
events = sys.monitoring.get_events(tool)
time.sleep(2)  # the page boots its next spare worker during a run's first quiet moment
timed()  # warm-up: the loop's bytecode specialises once, whoever is listening
on, off = [], []
for _ in range(2):
    sys.monitoring.set_events(tool, events)
    on.append(timed())
    sys.monitoring.set_events(tool, 0)
    off.append(timed())
print(f"recorder ratio {min(on) / min(off):.4f}")
`;

export async function recorderOverheadRatio(page: Page): Promise<number> {
  await page.goto("about:blank");
  await page.goto(oursPlayground(RECORDER_LOOP));
  await page.locator("[data-runnable][data-editor=ready]").waitFor();
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await page.locator(ENDED).waitFor({ timeout: 120_000 });
  const text = (await page.locator(FIRST_LINE).allTextContents()).join("\n");
  const ratio = /recorder ratio ([\d.]+)/.exec(text)?.[1];
  if (!ratio) throw new Error(`the recorder loop printed no ratio: ${text}`);
  return Number(ratio);
}
