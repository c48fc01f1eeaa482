/**
 * `npm run bench`: measures the site against plain Pyodide (bench/baseline/, what Pyodide's docs
 * show) in the same run, in real headless Chromium, alternating ours and the baseline (A B A B …).
 * Writes bench/results.json and prints a table (median, min, max per metric), also written into
 * the README's Performance part.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/browser.ts";
import { longestFrameGap } from "../e2e/frame-gap.ts";
import type { PAGES } from "../e2e/pages.ts";
import {
  ENDED,
  FIRST_LINE,
  HELLO,
  firstOutput,
  freshPage,
  nextPageRun,
  oursPlayground,
  precached,
  recorderOverheadRatio,
  respawnAtOnce,
  runnerIdle,
  timedRun,
  tracedWarmVisit,
} from "./scenarios.ts";
import { ORIGIN, root, serve, stats } from "./server.ts";
import { firstVisit, saveDataVisit, withSlowHost } from "./slow-link.ts";

const SAMPLES = Number(process.env["BENCH_SAMPLES"] ?? 7); // fewer only to try the bench out
/** `BENCH_ONLY=slow-link` runs only the slow-link scenarios (README and results.json untouched). */
const ONLY = process.env["BENCH_ONLY"];
/** Fewer samples where one takes a minute of link time (each visit waits 15 s after its ending). */
const LINK_SAMPLES = Math.min(SAMPLES, 5);
/** The article page whose script weight is measured; `satisfies` keeps it one of the site's pages. */
const WEIGHED_PAGE = "/halt-python-script/sys-exit/" satisfies (typeof PAGES)[number];
const FLOOD = 'i = 0\nwhile True:\n    i += 1\n    print("x" * 80, i)\n';
const BASELINE_FLOOD =
  "import time\nt = time.time()\ni = 0\nwhile time.time() - t < 3:\n    i += 1\n    print('x' * 80, i)\n";

const raw: Record<string, number[]> = {};
const push = (k: string, v: number): void => {
  (raw[k] ??= []).push(v);
};

/** The highest line number a flood printed in 3 s, per second. */
const linesPerSec = (shown: string[]): number =>
  Math.max(0, ...shown.map((l) => Number(/ (\d+)\s*$/.exec(l)?.[1] ?? 0))) / 3;

async function flood(page: Page): Promise<void> {
  await page.goto("about:blank");
  await page.goto(oursPlayground(FLOOD));
  await page.locator("[data-runnable][data-editor=ready]").waitFor();
  await runnerIdle(page);
  await page.getByRole("button", { name: /^Run/ }).first().click();
  await page.locator(FIRST_LINE).first().waitFor();
  push("floodLongestFrameMs", await longestFrameGap(page, 3000));
  push("oursFloodLinesPerSec", linesPerSec(await page.locator(FIRST_LINE).allTextContents()));
  await page.getByRole("button", { name: /^Stop/ }).first().click();
  await page.locator(ENDED).waitFor();
}

async function baselineFlood(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/bench-baseline/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  await page.locator("#code").fill(BASELINE_FLOOD);
  await page.locator("#run").click();
  push("baselineFloodLongestFrameMs", await longestFrameGap(page, 3000));
  await page.waitForSelector("body[data-done]", { timeout: 60_000 });
  push(
    "baselineFloodLinesPerSec",
    linesPerSec([(await page.locator("#output .line").last().textContent()) ?? ""]),
  );
}

const MB = 1e6;

/** A first visit over the reader's link, ours and plain Pyodide alternating; then Save-Data. */
async function slowLink(browser: import("@playwright/test").Browser): Promise<void> {
  for (const gzip of [true, false]) {
    const prefix = gzip ? "slowLink" : "slowLinkPlainHost";
    await withSlowHost(gzip, async (host) => {
      for (let i = 0; i < (gzip ? LINK_SAMPLES : 2); i += 1) {
        const ours = await firstVisit(browser, host, true);
        push(`${prefix}OursMs`, ours.ms);
        push(`${prefix}OursMB`, ours.bytesBeforeEnding / MB);
        push(`${prefix}VisitRatio`, ours.bytesAfter / ours.bytesBeforeEnding);
        push(`${prefix}RuntimeFilesTwice`, ours.twice.length);
        if (ours.twice.length) console.log(`fetched twice: ${ours.twice.join(", ")}`);
        const plain = await firstVisit(browser, host, false);
        push(`${prefix}PlainMs`, plain.ms);
        push(`${prefix}PlainMB`, plain.bytesBeforeEnding / MB);
      }
      if (gzip)
        for (let i = 0; i < 2; i += 1)
          push("saveDataReadMB", (await saveDataVisit(browser, host)) / MB);
    });
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(root, "dist/index.html")))
    spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (ONLY === "slow-link") {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      await slowLink(browser);
    } finally {
      await browser.close();
    }
    for (const [k, v] of Object.entries(raw))
      console.log(k, stats(v).median.toFixed(3), v.map((x) => x.toFixed(2)).join(" "));
    return;
  }
  const stop = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    await slowLink(browser);
    for (let i = 0; i < SAMPLES; i += 1) {
      // Ours: a first visit; then, once the service worker has the site and V8 has written its
      // code cache (after tier-up, on a visit served from the cache), a returning reader's visit.
      const a = await freshPage(browser);
      push("oursColdMs", await firstOutput(a.page, oursPlayground(HELLO), true));
      await precached(a.page);
      await a.page.waitForTimeout(2500);
      await firstOutput(a.page, oursPlayground(HELLO), true);
      await a.page.waitForTimeout(2500);
      const warm = await tracedWarmVisit(a.page, oursPlayground(HELLO));
      push("oursWarmMs", warm.ms);
      push("warmWasmFromCache", warm.wasmFromCache ? 1 : 0);
      await a.close();
      const b = await freshPage(browser);
      push("baselineColdMs", await firstOutput(b.page, `${ORIGIN}/bench-baseline/`, false));
      await b.page.waitForTimeout(2500);
      push("baselineWarmMs", await firstOutput(b.page, `${ORIGIN}/bench-baseline/`, false));
      await b.close();
    }
    const { page, close } = await freshPage(browser);
    for (let i = 0; i < SAMPLES; i += 1) {
      push("runLatencyMs", await timedRun(page, "print(1)", FIRST_LINE));
      push("interruptLoopMs", await timedRun(page, "while True:\n    pass\n", ENDED, 300));
      push("interruptSleepMs", await timedRun(page, "import time\ntime.sleep(30)\n", ENDED, 300));
      push("respawnAtOnceMs", await respawnAtOnce(page));
      push("nextPageMs", await nextPageRun(page, "/halt-python-script/sys-exit/", /\/os-exit\/$/));
    }
    for (let i = 0; i < SAMPLES; i += 1)
      push("recorderOverheadRatio", await recorderOverheadRatio(page));
    for (let i = 0; i < SAMPLES; i += 1) {
      await flood(page);
      const b = await freshPage(browser);
      await baselineFlood(b.page);
      await b.close();
    }
    await close();
    const weights = await weigh(browser);
    report(weights, browser.version());
  } finally {
    await browser.close();
    await stop();
  }
}

/** Page weight: JS before any interaction (gzip), and the bytes the first Run fetches. */
async function weigh(
  browser: import("@playwright/test").Browser,
): Promise<{ pageJsKB: number; runtimeMB: number }> {
  const weigh = await freshPage(browser);
  const scripts: string[] = [];
  weigh.page.on("response", (r) => {
    if (r.request().resourceType() === "script" && r.frame() === weigh.page.mainFrame())
      scripts.push(new URL(r.url()).pathname);
  });
  await weigh.page.goto(`${ORIGIN}${WEIGHED_PAGE}`, { waitUntil: "load" });
  const jsBytes = [...new Set(scripts)].reduce(
    (n, p) => n + gzipSync(readFileSync(join(root, "dist", p))).length,
    0,
  );
  await weigh.close();
  const runtime = await freshPage(browser);
  const paths = new Set<string>();
  runtime.page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/pyodide/")) paths.add(path);
  });
  await firstOutput(runtime.page, oursPlayground(HELLO), true);
  await runtime.close();
  const runtimeBytes = [...paths].reduce((n, p) => n + statSync(join(root, "dist", p)).size, 0);
  return { pageJsKB: jsBytes / 1024, runtimeMB: runtimeBytes / 1e6 };
}

type Target = ["<=" | ">=", number];
const TARGETS: Record<string, Target> = {
  coldFirstOutputRatio: ["<=", 0.4],
  warmFirstOutputRatio: ["<=", 0.15],
  warmWasmFromCache: [">=", 1],
  nextPageFirstOutputRatio: ["<=", 0.05],
  respawnAtOnceRatio: ["<=", 0.05],
  runLatencyMs: ["<=", 16],
  interruptLoopMs: ["<=", 25],
  interruptSleepMs: ["<=", 25],
  floodLongestFrameMs: ["<=", 50],
  floodLinesPerSecRatio: [">=", 2],
  recorderOverheadRatio: ["<=", 1.05],
  slowLinkFirstEndingRatio: ["<=", 0.8],
  slowLinkBytesBeforeEndingMB: ["<=", 10],
  firstVisitBytesRatio: ["<=", 1.1],
  runtimeFilesFetchedTwice: ["<=", 0],
  saveDataReadMB: ["<=", 1.5],
};

/** Each metric's samples: ms as measured, or ratios to the baseline's median in the same run. */
function metricSamples(): Record<string, number[]> {
  const median = (k: string): number => stats(raw[k] ?? []).median;
  const over = (k: string, base: string): number[] => (raw[k] ?? []).map((v) => v / median(base));
  return {
    coldFirstOutputRatio: over("oursColdMs", "baselineColdMs"),
    warmFirstOutputRatio: over("oursWarmMs", "baselineColdMs"),
    warmWasmFromCache: raw["warmWasmFromCache"] ?? [],
    nextPageFirstOutputRatio: over("nextPageMs", "baselineWarmMs"),
    respawnAtOnceRatio: over("respawnAtOnceMs", "baselineColdMs"),
    runLatencyMs: raw["runLatencyMs"] ?? [],
    interruptLoopMs: raw["interruptLoopMs"] ?? [],
    interruptSleepMs: raw["interruptSleepMs"] ?? [],
    floodLongestFrameMs: raw["floodLongestFrameMs"] ?? [],
    floodLinesPerSecRatio: over("oursFloodLinesPerSec", "baselineFloodLinesPerSec"),
    recorderOverheadRatio: raw["recorderOverheadRatio"] ?? [],
    slowLinkFirstEndingRatio: over("slowLinkOursMs", "slowLinkPlainMs"),
    slowLinkBytesBeforeEndingMB: raw["slowLinkOursMB"] ?? [],
    slowLinkPlainBytesBeforeEndingMB: raw["slowLinkPlainMB"] ?? [],
    firstVisitBytesRatio: raw["slowLinkVisitRatio"] ?? [],
    runtimeFilesFetchedTwice: raw["slowLinkRuntimeFilesTwice"] ?? [],
    plainHostFirstEndingRatio: over("slowLinkPlainHostOursMs", "slowLinkPlainHostPlainMs"),
    plainHostBytesBeforeEndingMB: raw["slowLinkPlainHostOursMB"] ?? [],
    saveDataReadMB: raw["saveDataReadMB"] ?? [],
  };
}

function report(weights: Record<string, number>, chromiumVersion: string): void {
  const metrics = Object.fromEntries(
    Object.entries(metricSamples()).map(([k, v]) => [k, stats(v)]),
  );
  const met = (k: string, v: number): boolean | null => {
    const t = TARGETS[k];
    if (!t) return null;
    return t[0] === "<=" ? v <= t[1] : v >= t[1];
  };
  const date = new Date().toISOString();
  const results = {
    date,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      node: process.version,
      chromium: chromiumVersion,
    },
    samplesPerScenario: SAMPLES,
    metrics: {
      ...Object.fromEntries(Object.entries(metrics).map(([k, s]) => [k, s.median])),
      ...weights,
    },
    targets: Object.fromEntries(
      Object.entries(TARGETS).map(([k, [op, v]]) => [
        k,
        { target: `${op} ${String(v)}`, met: met(k, metrics[k]?.median ?? NaN) },
      ]),
    ),
    stats: metrics,
    raw: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, stats(v)])),
  };
  writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const fmt = (k: string, v: number): string =>
    v.toFixed(k.endsWith("Ratio") || k === "warmWasmFromCache" ? 3 : 1);
  const rows = [
    ...Object.entries(metrics).map(([k, s]) => {
      const t = TARGETS[k];
      const ok = met(k, s.median);
      const verdict = ok === null ? "" : ok ? "met" : "MISSED";
      return `| ${k} | ${fmt(k, s.median)} | ${fmt(k, s.min)} | ${fmt(k, s.max)} | ${t ? `${t[0]} ${String(t[1])}` : "—"} | ${verdict} |`;
    }),
    ...Object.entries(weights).map(([k, v]) => `| ${k} | ${v.toFixed(1)} | | | — | |`),
  ];
  const table = [
    `Measured ${date.slice(0, 10)} on ${String(cpus().length)} × ${cpus()[0]?.model ?? "unknown"}, Node ${process.version}, Chromium ${chromiumVersion}; ${String(SAMPLES)} samples per scenario (raw numbers in bench/results.json).`,
    "",
    "| metric | median | min | max | target | |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
  process.stdout.write(`${table}\n`);
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
  if (marked.test(readme))
    writeFileSync(
      readmePath,
      readme.replace(marked, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`),
    );
}

await main();
