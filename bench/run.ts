/**
 * `npm run bench`: measures the site against plain Pyodide (bench/baseline/, what Pyodide's docs
 * show) in the same run, in real headless Chromium, alternating ours and the baseline (A B A B …).
 * Writes bench/results.json and prints a table, also written into the README's Performance part.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/browser.ts";
import { longestFrameGap } from "../e2e/frame-gap.ts";
import { playgroundPath, type PAGES } from "../e2e/pages.ts";

const root = new URL("../", import.meta.url).pathname;
const SAMPLES = Number(process.env["BENCH_SAMPLES"] ?? 5);
const PORT = 4330;
const ORIGIN = `http://localhost:${String(PORT)}`;
const HELLO = 'print("first line")\nfor i in range(3):\n    print("tick", i)\n';
/** The article page whose script weight is measured; `satisfies` keeps it one of the site's pages. */
const WEIGHED_PAGE = "/halt-python-script/sys-exit/" satisfies (typeof PAGES)[number];

type Stats = { samples: number[]; min: number; median: number; max: number };
const stats = (samples: number[]): Stats => {
  const s = [...samples].sort((a, b) => a - b);
  return {
    samples,
    min: s[0] ?? NaN,
    median: s[Math.floor(s.length / 2)] ?? NaN,
    max: s.at(-1) ?? NaN,
  };
};

function serve(): ChildProcess {
  return spawn(
    process.execPath,
    [
      join(root, "e2e/static-server.mjs"),
      join(root, "dist"),
      String(PORT),
      "--isolate",
      "--mount",
      `/bench-baseline/=${join(root, "bench/baseline")}`,
    ],
    { stdio: "ignore" },
  );
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("bench server did not start");
}

/** ms from navigation start until `selector` has text, with Run clicked as soon as possible. */
async function firstOutput(page: Page, url: string, ours: boolean): Promise<number> {
  await page.goto("about:blank");
  await page.goto(url, { waitUntil: "commit" });
  if (ours) {
    await page.locator("[data-runnable][data-editor=ready]").waitFor();
    await page.getByRole("button", { name: /^Run/ }).first().click();
    await page.locator("[role=log] .pb-line").first().waitFor({ timeout: 60_000 });
  } else {
    await page.locator("#code").fill(HELLO);
    await page.locator("#run").click();
    await page.locator("#output .line").first().waitFor({ timeout: 60_000 });
  }
  return page.evaluate(() => performance.now());
}

async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

const oursPlayground = (code: string): string => `${ORIGIN}/${playgroundPath(code)}`;

/** Ours: run `code` in an already-booted playground, time from click to a condition. */
async function timedRun(
  page: Page,
  code: string,
  /** CSS selector inside the block that marks the end of the measurement. */
  until: string,
  stopAfterMs?: number,
): Promise<number> {
  await page.goto("about:blank");
  await page.goto(oursPlayground(code));
  await page.locator("[data-runnable][data-editor=ready]").waitFor();
  await page.waitForFunction(
    () =>
      document.documentElement.dataset["runnerBoot"] !== undefined &&
      document.documentElement.dataset["runnerState"] === "idle",
    null,
    { timeout: 60_000 },
  );
  if (stopAfterMs !== undefined) {
    await page.getByRole("button", { name: /^Run/ }).first().click();
    await page.locator("[data-runnable][data-state=running]").waitFor();
    await page.waitForTimeout(stopAfterMs);
  }
  // Timed inside the page: the click and the moment the DOM shows the result, no polling.
  return page.evaluate(
    ({ stop, selector }) =>
      new Promise<number>((resolve) => {
        const block = document.querySelector("[data-runnable]");
        const button = block?.querySelector<HTMLButtonElement>(stop ? ".pb-stop" : ".pb-run");
        if (!block || !button) throw new Error("no block");
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (block.querySelector(selector)) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(block, { subtree: true, childList: true, attributes: true });
        button.click();
      }),
    { stop: stopAfterMs !== undefined, selector: until },
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(root, "dist/index.html")))
    spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  const server = serve();
  await waitForServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const raw: Record<string, number[]> = {};
  const push = (k: string, v: number): void => {
    (raw[k] ??= []).push(v);
  };
  try {
    // Cold and warm first output, alternating ours and the baseline.
    for (let i = 0; i < SAMPLES; i += 1) {
      const a = await freshPage(browser);
      push("oursColdMs", await firstOutput(a.page, oursPlayground(HELLO), true));
      push("oursWarmMs", await firstOutput(a.page, oursPlayground(HELLO), true));
      await a.close();
      const b = await freshPage(browser);
      push("baselineColdMs", await firstOutput(b.page, `${ORIGIN}/bench-baseline/`, false));
      await b.close();
    }
    // Run latency, interrupts, respawn: ours on a booted page.
    const { page, close } = await freshPage(browser);
    const status = (p: Page): Promise<unknown> =>
      p.locator("[role=status][data-outcome]").waitFor();
    const ENDED = "[role=status][data-outcome]";
    const FIRST_LINE = "[role=log] .pb-line";
    for (let i = 0; i < SAMPLES; i += 1) {
      push("runLatencyMs", await timedRun(page, "print(1)", FIRST_LINE));
      push("interruptLoopMs", await timedRun(page, "while True:\n    pass\n", ENDED, 300));
      push("interruptSleepMs", await timedRun(page, "import time\ntime.sleep(30)\n", ENDED, 300));
      await timedRun(page, "print('respawned')\nimport os\nos._exit(0)\n", ENDED);
      // The next Run after os._exit needs a new interpreter: click -> its first output.
      push(
        "respawnMs",
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const block = document.querySelector("[data-runnable]");
              const t0 = performance.now();
              const observer = new MutationObserver(() => {
                if (block?.querySelector("[role=log] .pb-line")) {
                  observer.disconnect();
                  resolve(performance.now() - t0);
                }
              });
              if (block) observer.observe(block, { subtree: true, childList: true });
              block?.querySelector<HTMLButtonElement>(".pb-run")?.click();
            }),
        ),
      );
      await status(page);
    }
    // Print flood: longest frame gap over 3 s, and lines shown per second, ours then baseline.
    const FLOOD = 'i = 0\nwhile True:\n    i += 1\n    print("x" * 80, i)\n';
    for (let i = 0; i < SAMPLES; i += 1) {
      await page.goto("about:blank");
      await page.goto("about:blank");
      await page.goto(oursPlayground(FLOOD));
      await page.locator("[data-runnable][data-editor=ready]").waitFor();
      await page.waitForFunction(
        () => document.documentElement.dataset["runnerState"] === "idle",
        null,
        { timeout: 60_000 },
      );
      await page.getByRole("button", { name: /^Run/ }).first().click();
      await page.locator("[role=log] .pb-line").first().waitFor();
      push("floodLongestFrameMs", await longestFrameGap(page, 3000));
      const shown = await page.locator("[role=log] .pb-line").allTextContents();
      push(
        "oursFloodLinesPerSec",
        Math.max(0, ...shown.map((l) => Number(/ (\d+)$/.exec(l)?.[1] ?? 0))) / 3,
      );
      await page.getByRole("button", { name: /^Stop/ }).first().click();
      await status(page);
      const b = await freshPage(browser);
      await b.page.goto(`${ORIGIN}/bench-baseline/`);
      await b.page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
      await b.page
        .locator("#code")
        .fill(
          "import time\nt = time.time()\ni = 0\nwhile time.time() - t < 3:\n    i += 1\n    print('x' * 80, i)\n",
        );
      await b.page.locator("#run").click();
      push("baselineFloodLongestFrameMs", await longestFrameGap(b.page, 3000));
      await b.page.waitForSelector("body[data-done]", { timeout: 60_000 });
      const lastB = await b.page.locator("#output .line").last().textContent();
      push("baselineFloodLinesPerSec", Number(/(\d+)\s*$/.exec(lastB ?? "")?.[1] ?? 0) / 3);
      await b.close();
    }
    await close();

    // Page weight: JS before any interaction (gzip), and bytes fetched by the first Run.
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
    const runtimePaths = new Set<string>();
    runtime.page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith("/pyodide/")) runtimePaths.add(path);
    });
    await firstOutput(runtime.page, oursPlayground(HELLO), true);
    await runtime.close();
    // Each distinct runtime file once (later interpreters reuse the HTTP cache).
    const runtimeBytes = [...runtimePaths].reduce(
      (n, p) => n + statSync(join(root, "dist", p)).size,
      0,
    );

    const median = (k: string): number => stats(raw[k] ?? []).median;
    const metrics = {
      coldFirstOutputRatio: median("oursColdMs") / median("baselineColdMs"),
      warmFirstOutputRatio: median("oursWarmMs") / median("baselineColdMs"),
      runLatencyMs: median("runLatencyMs"),
      interruptLoopMs: median("interruptLoopMs"),
      interruptSleepMs: median("interruptSleepMs"),
      respawnRatio: median("respawnMs") / median("baselineColdMs"),
      floodLongestFrameMs: median("floodLongestFrameMs"),
      floodLinesPerSecRatio: median("oursFloodLinesPerSec") / median("baselineFloodLinesPerSec"),
      pageJsKB: jsBytes / 1024,
      runtimeMB: runtimeBytes / 1e6,
    };
    const targets: Record<string, [string, number]> = {
      coldFirstOutputRatio: ["<=", 0.6],
      warmFirstOutputRatio: ["<=", 0.15],
      runLatencyMs: ["<=", 30],
      interruptLoopMs: ["<=", 50],
      interruptSleepMs: ["<=", 50],
      respawnRatio: ["<=", 0.15],
      floodLongestFrameMs: ["<=", 100],
    };
    const chromiumVersion = browser.version();
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        node: process.version,
        chromium: chromiumVersion,
      },
      samplesPerScenario: SAMPLES,
      metrics,
      targets: Object.fromEntries(
        Object.entries(targets).map(([k, [op, v]]) => [
          k,
          {
            target: `${op} ${String(v)}`,
            met: ((metrics as Record<string, number>)[k] ?? Infinity) <= v,
          },
        ]),
      ),
      raw: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, stats(v)])),
    };
    writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
    const rows = Object.entries(metrics).map(([k, v]) => {
      const t = targets[k];
      const verdict = t ? (v <= t[1] ? "met" : `MISSED (${t[0]} ${String(t[1])})`) : "";
      return `| ${k} | ${v.toFixed(k.endsWith("Ratio") ? 3 : 1)} | ${t ? `${t[0]} ${String(t[1])}` : "—"} | ${verdict} |`;
    });
    const table = [
      `Measured ${results.date.slice(0, 10)} on ${String(results.machine.cpus)} × ${results.machine.cpuModel}, Node ${process.version}, Chromium ${chromiumVersion}; medians of ${String(SAMPLES)} samples (raw numbers in bench/results.json).`,
      "",
      "| metric | value | target | |",
      "| --- | --- | --- | --- |",
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
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
