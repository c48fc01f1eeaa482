/** After one visit, the site and the runtime work with no network (service worker cache). */
import { expect, test } from "./fixtures.ts";
import { log, readyBlock, runToEnd, visit } from "./blocks.ts";
import { precacheIndex } from "./sw.ts";

test("after one visit, pages load and snippets run offline", async ({
  page,
  context,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  // The first run asks the service worker to cache the site (src/delivery/site-worker.ts).
  await runToEnd(await readyBlock(page));
  // The service worker writes its index once the whole site is cached.
  await expect.poll(() => precacheIndex(page), { timeout: 60_000 }).not.toBeNull();
  await context.setOffline(true);
  await page.goto("halt-python-script/custom-exception/");
  const block = await readyBlock(page);
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-outcome", "exception");
  await expect(log(block)).toContainText("MyCustomError: Something went wrong");
  await page.goto("halt-python-script/comparison/");
  await expect(page.locator("table.comparison")).toBeVisible();
  await context.setOffline(false);
  expect(problems).toEqual([]);
});
