/** Save-Data (navigator.connection.saveData): nothing big is fetched ahead of need. */
import { expect, test } from "./fixtures.ts";
import { readyBlock, runToEnd, runButton, saveData, visit } from "./blocks.ts";

test("with Save-Data on, a page fetches no runtime file before Run, says so, and Run works", async ({
  page,
  context,
  problems,
}) => {
  await saveData(page);
  const runtime: string[] = [];
  context.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/pyodide/")) runtime.push(r.url());
  });
  // The terminal's script loads when a block comes into view, in the same step as the runtime's
  // prefetch would: once it has loaded, the prefetch had its chance.
  const terminal = page.waitForResponse(/\/_astro\/terminal-model\.[^/]*\.js$/);
  await visit(page, "halt-python-script/sys-exit/");
  const block = await readyBlock(page);
  await terminal;
  await expect(block.getByRole("note")).toHaveText(
    "Saving data: Python (about 20 MB) downloads only when you press Run, once per visit.",
  );
  await runButton(block).hover(); // the pointer on Run prefetches too, but not when saving data
  await runButton(block).focus();
  await page.mouse.wheel(0, 1500);
  expect(await page.evaluate(() => document.documentElement.dataset["runnerState"])).toBe(
    undefined,
  );
  expect(runtime).toEqual([]);
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  expect(runtime.length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});
