/** After one visit, the site and the runtime work with no network (service worker cache). */
import { expect, test } from "./fixtures.ts";
import { log, readyBlock, runToEnd, visit } from "./blocks.ts";

test("after one visit, pages load and snippets run offline", async ({
  page,
  context,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The service worker writes its index once the whole site is cached.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const base = document.querySelector<HTMLElement>("script[data-base]")?.dataset["base"];
          const cache = await caches.open(`python-halted ${base ?? "/"}`);
          return Boolean(
            await cache.match(new URL(`${base ?? "/"}__precache-index__`, location.href)),
          );
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
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
