/**
 * Stop at every instant (#26): pressed from 0 to 1000 ms after Run — while Python loads on a cold
 * page, while the next spare is still starting, mid-run — on a sleep loop and on a busy loop, every
 * ending is the interrupt (130, KeyboardInterrupt), with no frame but the program's: never a crash,
 * never a kill, never the runner's own code.
 */
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { ending, log, playground, runButton, saveData } from "./blocks.ts";
import { PAGE_WAIT_MS } from "./waits.ts";

const SLEEP_LOOP = "import time\nwhile True:\n    time.sleep(0.01)\n";
const BUSY_LOOP = "i = 0\nwhile True:\n    i += 1\n";
const PROGRAM_FILE = "/home/reader/snippet.py";

/** Run, then Stop `delayMs` later (timed in the page, so the test runner's delays do not count). */
async function stopAfter(block: Locator, delayMs: number): Promise<void> {
  await expect(runButton(block)).toBeEnabled();
  await block.evaluate(async (element, ms) => {
    const run = element.querySelector<HTMLButtonElement>(".pb-run");
    if (!run) throw new Error("no Run button");
    run.click();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const stop = element.querySelector<HTMLButtonElement>(".pb-stop");
    if (!stop) throw new Error("no Stop button");
    stop.click();
  }, delayMs);
}

/** The ending is the interrupt, and every frame of its traceback is the program's. */
async function expectInterrupted(block: Locator, what: string): Promise<void> {
  await expect(ending(block), what).toHaveAttribute("data-outcome", "interrupt", {
    timeout: PAGE_WAIT_MS,
  });
  await expect(ending(block), what).toHaveAttribute("data-exit-code", "130");
  const text = await log(block).innerText();
  expect(text, what).toMatch(/KeyboardInterrupt\s*$/);
  const files = [...text.matchAll(/File "([^"]+)"/g)].map((m) => m[1]);
  expect(
    files.filter((f) => f !== PROGRAM_FILE),
    what,
  ).toEqual([]);
}

// Spread over 0..1000 ms, denser where start-up happens.
const USED_PAGE_DELAYS = [0, 5, 15, 30, 60, 100, 150, 220, 300, 420, 560, 720, 900, 1000];

for (const [name, source] of [
  ["a sleep loop", SLEEP_LOOP],
  ["a busy loop", BUSY_LOOP],
] as const) {
  test(`Stop at ${String(USED_PAGE_DELAYS.length)} instants after Run on ${name}, one page: each ending is the interrupt`, async ({
    page,
    problems,
  }) => {
    test.slow(); // 14 runs, each a spare worker taking over while the next one boots
    const block = await playground(page, source);
    for (const delay of USED_PAGE_DELAYS) {
      await stopAfter(block, delay);
      await expectInterrupted(block, `${name}, Stop ${String(delay)} ms after Run`);
    }
    expect(problems).toEqual([]);
  });
}

for (const [delay, source] of [
  [0, SLEEP_LOOP],
  [40, BUSY_LOOP],
  [250, SLEEP_LOOP],
] as const) {
  test(`Stop ${String(delay)} ms after Run on a cold page, while Python loads: the interrupt, no runner frame`, async ({
    page,
    problems,
  }) => {
    // Save-Data keeps the page from loading Python before Run, so Run starts the load.
    await saveData(page);
    const block = await playground(page, source);
    expect(await page.evaluate(() => document.documentElement.dataset["runnerState"])).toBe(
      undefined,
    );
    await stopAfter(block, delay);
    await expectInterrupted(block, `cold page, Stop ${String(delay)} ms after Run`);
    expect(problems).toEqual([]);
  });
}
