/**
 * The first visit over a reader's link (bench/slow-host.ts): a cold browser opens an article page,
 * presses Run the moment it can, and the ending is awaited; plain Pyodide (bench/baseline/) on the
 * same host and link, in the same run. Also Save-Data: an article page opened and scrolled, no Run.
 * Bytes are counted at the server.
 */
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { HELLO, ENDED } from "./scenarios.ts";
import { root } from "./server.ts";
import { slowHost, type Link, type SlowHost } from "./slow-host.ts";

const PORT = 4331;
const ORIGIN = `http://127.0.0.1:${String(PORT)}`;
/** The link: 20 Mbit/s shared, 40 ms latency. */
export const READER_LINK: Link = { mbitPerSecond: 20, latencyMs: 40 };
const ARTICLE = "/halt-python-script/sys-exit/";
/** How long after the ending the visit's further bytes are counted (the precache's share). */
const AFTER_ENDING_MS = 15_000;
const RUNTIME_FILE = /^\/pyodide\/[^/]+$/;

export interface FirstVisit {
  ms: number;
  bytesBeforeEnding: number;
  bytesAfter: number;
  /** Runtime files requested more than once in the visit. */
  twice: string[];
}

export async function withSlowHost<T>(gzip: boolean, body: (host: SlowHost) => Promise<T>) {
  const host = slowHost({
    site: join(root, "dist"),
    mounts: { "/bench-baseline/": join(root, "bench/baseline") },
    link: READER_LINK,
    gzip,
  });
  await host.listen(PORT);
  try {
    return await body(host);
  } finally {
    await host.close();
  }
}

/** Until Run can be pressed on the page that stays (isolated, after the worker's one reload). */
async function runnable(page: Page): Promise<void> {
  await page.waitForFunction(
    () => globalThis.crossOriginIsolated && document.querySelector("[data-editor=ready]"),
    null,
    { timeout: 120_000, polling: 20 },
  );
}

/** One cold first visit: ours (the article page) or plain Pyodide's page. */
export async function firstVisit(
  browser: Browser,
  host: SlowHost,
  ours: boolean,
): Promise<FirstVisit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  host.reset();
  const t0 = Date.now();
  if (ours) {
    await page.goto(`${ORIGIN}${ARTICLE}`, { waitUntil: "commit" });
    await runnable(page);
    await page.getByRole("button", { name: /^Run/ }).first().click();
    await page.locator(ENDED).first().waitFor({ timeout: 120_000 });
  } else {
    await page.goto(`${ORIGIN}/bench-baseline/`, { waitUntil: "commit" });
    await page.locator("#code").fill(HELLO);
    await page.locator("#run").click();
    await page.waitForSelector("body[data-done]", { timeout: 120_000 });
  }
  const ms = Date.now() - t0;
  const bytesBeforeEnding = host.sent().total;
  await page.waitForTimeout(AFTER_ENDING_MS);
  const { total, requests } = host.sent();
  await context.close();
  const twice = [...requests].filter(([p, n]) => RUNTIME_FILE.test(p) && n > 1).map(([p]) => p);
  return { ms, bytesBeforeEnding, bytesAfter: total, twice };
}

/** Save-Data on: an article page opened and scrolled to its end, no Run; bytes read. */
export async function saveDataVisit(browser: Browser, host: SlowHost): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setDataSaverOverride", { dataSaverEnabled: true });
  host.reset();
  await page.goto(`${ORIGIN}${ARTICLE}`, { waitUntil: "commit" });
  await runnable(page);
  await page.getByRole("button", { name: /^Run/ }).first().hover();
  for (let i = 0; i < 10; i += 1) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(5000);
  const bytes = host.sent().total;
  await context.close();
  return bytes;
}
