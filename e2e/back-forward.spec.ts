/**
 * Leaving a page mid-run and coming back (#26), with the back/forward cache on as in readers'
 * browsers (Playwright turns it off by default): a page left by a link is kept frozen and comes
 * back as it was on Back. Its program was killed as the page was left, as closing a terminal ends
 * what runs in it, so nothing ran unseen; the block says so, and runs again.
 */
import type { Locator } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./browser.ts";
import { ending, log, readyBlock, runToEnd, setCode, startRun, visit } from "./blocks.ts";
import { expect, test } from "./fixtures.ts";

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  },
});

/** A loop that counts, one line every 50 ms, until it is stopped. */
const COUNTING =
  "import time\ni = 0\nwhile True:\n    i += 1\n    print(i)\n    time.sleep(0.05)\n";

/** The last number the block's log shows (0 when none). */
const lastNumber = (block: Locator): Promise<number> =>
  log(block)
    .innerText()
    .then((text) => Number(/(\d+)\s*$/.exec(text)?.[1] ?? 0));

test("leaving a page mid-run kills its program; brought back, the block says so and nothing ran unseen", async ({
  page,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  const block = await readyBlock(page);
  await setCode(page, block, COUNTING);
  await startRun(block);
  await expect.poll(() => lastNumber(block)).toBeGreaterThanOrEqual(5);
  // The page notes the last number it shows as it is left (after the page's own pagehide
  // listener, which killed the program).
  await page.evaluate(() => {
    const kept = window as { kept?: boolean; atLeaving?: number };
    kept.kept = true;
    addEventListener("pagehide", () => {
      const text = document.querySelector("[data-runnable] [role=log]")?.textContent ?? "";
      kept.atLeaving = Number(/(\d+)\s*$/.exec(text)?.[1] ?? 0);
    });
  });
  await visit(page, "halt-python-script/os-exit/");
  // Away for as long as the loop would print 30 more lines.
  await page.waitForTimeout(1500);
  await page.goBack({ waitUntil: "commit" });
  await expect(page).toHaveURL(/\/sys-exit\/$/);
  await expect
    .poll(() => page.evaluate(() => (window as { kept?: boolean }).kept === true), {
      message: "the page came back from the back/forward cache",
    })
    .toBe(true);
  await expect(block).toHaveAttribute("data-state", "done");
  await expect(ending(block)).toHaveAttribute("data-outcome", "killed");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "137");
  await expect(ending(block)).toContainText("you left the page");
  // Output already on its way as the page was left may still be drawn; 30 more lines would mean
  // it ran while away.
  const atLeaving = await page.evaluate(() => (window as { atLeaving?: number }).atLeaving ?? -1);
  expect(atLeaving).toBeGreaterThanOrEqual(5);
  expect(await lastNumber(block)).toBeLessThan(atLeaving + 10);
  // And the block runs again.
  await setCode(page, block, "print('back')\n");
  await expect(await runToEnd(block)).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).toHaveText("back");
  expect(problems).toEqual([]);
});
