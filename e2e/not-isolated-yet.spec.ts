/**
 * On a host that sends no headers, the service worker adds them; until it serves the page (the
 * first visit, before the page's one reload), the page is not isolated. The reload is switched off
 * here (its once-per-tab flag set before the page runs), so the page stays in that state: it must
 * name the missing headers and the service worker that is not serving it yet.
 */
import { expect, test } from "./fixtures.ts";
import { ending, log, readyBlock, startRun, stopButton } from "./blocks.ts";
import { playgroundPath } from "./pages.ts";

test("before the service worker serves the page: the note and Stop name the headers", async ({
  page,
  problems,
}) => {
  await page.addInitScript(() => {
    sessionStorage.setItem("python-halted:isolation-reload", "1");
  });
  await page.goto(playgroundPath("print('spinning')\nwhile True:\n    pass\n"));
  const block = await readyBlock(page);
  // The service worker did install: only this page load is not served by it.
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  const note = block.getByRole("note");
  await expect(note).toHaveAttribute("data-missing", "isolation-headers");
  await expect(note).toContainText("the host sends no COOP/COEP headers");
  await expect(note).toContainText("is not serving this page yet (reload the page)");

  await startRun(block);
  await expect(log(block)).toContainText("spinning");
  await stopButton(block).click();
  const status = ending(block);
  await expect(status).toHaveAttribute("data-outcome", "killed");
  await expect(status).toContainText("is not serving this page yet");
  await expect(status).toContainText("could not deliver KeyboardInterrupt");
  expect(problems).toEqual([]);
});
