/**
 * A browser that is cross-origin isolated but offers no SharedArrayBuffer (WebKitGTK, measured:
 * the engine smoke suite runs the real thing). Here Chromium, with the headers, has the
 * constructor taken away before the page's scripts run: the page must name that, not the headers.
 */
import { expect, test } from "./fixtures.ts";
import { ending, log, readyBlock, runToEnd, setCode, startRun, stopButton } from "./blocks.ts";
import { playgroundPath } from "./pages.ts";

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(globalThis, "SharedArrayBuffer");
  });
});

test("isolated without SharedArrayBuffer: the note, Stop and input() name the browser", async ({
  page,
  problems,
}) => {
  await page.goto(playgroundPath("print('spinning')\nwhile True:\n    pass\n"));
  const block = await readyBlock(page);
  expect(
    await page.evaluate(() => [globalThis.crossOriginIsolated, typeof SharedArrayBuffer]),
  ).toEqual([true, "undefined"]);
  const note = block.getByRole("note");
  await expect(note).toHaveAttribute("data-missing", "shared-array-buffer");
  await expect(note).toContainText("this browser has no SharedArrayBuffer");
  await expect(note).not.toContainText("COOP/COEP");

  await startRun(block);
  await expect(log(block)).toContainText("spinning");
  await stopButton(block).click();
  const status = ending(block);
  await expect(status).toHaveAttribute("data-outcome", "killed");
  await expect(status).toHaveAttribute("data-exit-code", "137");
  await expect(status).toContainText("this browser has no SharedArrayBuffer");
  await expect(status).toContainText("could not deliver KeyboardInterrupt");
  await expect(status).not.toContainText("COOP/COEP");

  await setCode(page, block, "print(input('? '))\n");
  const again = await runToEnd(block);
  await expect(again).toContainText("EOFError");
  await expect(again).toContainText(
    "input() read end of file: this browser has no SharedArrayBuffer",
  );
  expect(problems).toEqual([]);
});
