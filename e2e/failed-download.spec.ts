/**
 * A runtime download that fails (#25): the reader is told which file and that the network failed,
 * in words, not by a block that waits forever; once the network is back, Run works.
 */
import { expect, test } from "./fixtures.ts";
import { ending, log, playground, runButton, runToEnd, saveData } from "./blocks.ts";

test("a failed runtime download ends in words naming the file; the next Run works", async ({
  page,
  context,
  problems,
}) => {
  // Python downloads on Run (Save-Data), and every fetch of the wasm fails, the page's and the
  // worker's alike, as on a link that drops.
  await saveData(page);
  let failed = 0;
  await context.route(/\/pyodide\/pyodide\.asm\.wasm$/, async (route) => {
    failed += 1;
    await route.abort("connectionreset");
  });
  const block = await playground(page, 'print("ran")\n');
  await runButton(block).click();
  await expect(ending(block)).toHaveAttribute("data-outcome", "error");
  await expect(ending(block)).toContainText("pyodide.asm.wasm");
  await expect(ending(block)).toContainText(/network/i);
  // Nothing ran: no empty output panel, no "(no output)".
  await expect(log(block)).toBeHidden();
  // The page tried twice (once more a second after the first failure), and no worker fetched it.
  expect(failed).toBe(2);
  await context.unroute(/\/pyodide\/pyodide\.asm\.wasm$/);
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).toHaveText("ran");
  // The two failed fetches were this test's doing (each a failed request and Chromium's console
  // line for it); nothing else may have gone wrong.
  const failedFetch = "console error: Failed to load resource: net::ERR_FAILED";
  expect(problems.filter((p) => p === failedFetch)).toHaveLength(2);
  expect(problems.filter((p) => /^request failed: .*\/pyodide\.asm\.wasm /.test(p))).toHaveLength(
    2,
  );
  expect(problems).toHaveLength(4);
  problems.length = 0;
});
