/** A build with `BASE_PATH=/repo/` works end to end under that sub-path. */
import { expect, test } from "./fixtures.ts";
import { ending, log, readyBlock, runToEnd, startRun, stopButton, visit } from "./blocks.ts";

test("navigation, assets and links stay under /repo/", async ({ page, problems }) => {
  await visit(page, "/repo/");
  await page
    .getByRole("link", { name: /halt the execution/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/repo\/halt-python-script\/$/);
  await page
    .getByRole("navigation", { name: "Table of contents" })
    .getByRole("link", { name: "Using sys.exit()" })
    .click();
  await expect(page).toHaveURL(/\/repo\/halt-python-script\/sys-exit\/$/);
  const hrefs = await page
    .locator("a[href], link[href], script[src], img[src]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? ""));
  const local = hrefs.filter((h) => h.startsWith("/"));
  expect(local.length).toBeGreaterThan(3);
  expect(local.filter((h) => !h.startsWith("/repo/"))).toEqual([]);
  expect(problems).toEqual([]);
});

test("a block runs, and Stop interrupts, under the sub-path", async ({ page, problems }) => {
  await visit(page, "/repo/halt-python-script/sys-exit/");
  const status = await runToEnd(await readyBlock(page));
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await visit(page, "/repo/halt-python-script/keyboard-interrupt/");
  const block = await readyBlock(page);
  await startRun(block);
  await stopButton(block).click();
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).toHaveText("User interrupted the script");
  expect(problems).toEqual([]);
});
