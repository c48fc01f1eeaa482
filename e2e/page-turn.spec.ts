/**
 * Page turns (Astro's client-side router): the next section keeps the page's Python, so its Run
 * waits for a run, not a boot; a program still running is killed by the turn; the theme holds.
 */
import { expect, test } from "./fixtures.ts";
import { ending, log, readyBlock, runToEnd, setCode, startRun, visit } from "./blocks.ts";

const idle = async (page: import("@playwright/test").Page): Promise<void> => {
  await expect(page.locator("html")).toHaveAttribute("data-runner-state", "idle", {
    timeout: 60_000,
  });
};

test("turning to the next section keeps Python: its Run boots nothing and fetches nothing", async ({
  page,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  await readyBlock(page);
  await idle(page);
  const fetched: string[] = [];
  // The runtime the page loads once (a spare booting later imports Pyodide's scripts, no more).
  page.on("request", (r) => {
    if (/\/pyodide\/.*\.(wasm|gz|zip|json)$/.test(r.url())) fetched.push(r.url());
  });
  await page.evaluate(() => {
    (window as { keptDocument?: boolean }).keptDocument = true;
  });
  await page.locator("a[rel=next]").click();
  await expect(page).toHaveURL(/\/halt-python-script\/os-exit\/$/);
  await expect(page.locator("h1")).toHaveText("Using os._exit()");
  // The page kept its document (no load), so its runner and the spare it had booted: idle at
  // once, with nothing to wait for.
  expect(await page.evaluate(() => (window as { keptDocument?: boolean }).keptDocument)).toBe(true);
  expect(await page.locator("html").getAttribute("data-runner-state")).toBe("idle");
  const block = await readyBlock(page);
  // Whether the block ever says it is loading Python (it does only when no spare is ready).
  await page.evaluate(() => {
    const block = document.querySelector("[data-runnable]");
    document.documentElement.dataset["sawLoading"] = "no";
    new MutationObserver(() => {
      if (/(Loading|Downloading|Starting) Python/.test(block?.textContent ?? ""))
        document.documentElement.dataset["sawLoading"] = "yes";
    }).observe(block ?? document, { subtree: true, childList: true, characterData: true });
  });
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-outcome", "exit");
  expect(fetched).toEqual([]);
  await expect(page.locator("html")).toHaveAttribute("data-saw-loading", "no");
  expect(problems).toEqual([]);
});

test("a program still running when the page turns is killed; the next page runs at once", async ({
  page,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  const first = await readyBlock(page);
  await page.evaluate(() => {
    document.documentElement.dataset["theme"] = "dark";
    localStorage.setItem("theme", "dark");
  });
  await setCode(
    page,
    first,
    "import time\ntry:\n    time.sleep(60)\nfinally:\n    print('left')\n",
  );
  await startRun(first);
  await expect(first).toHaveAttribute("data-state", "running");
  await page.locator("a[rel=next]").click();
  await expect(page).toHaveURL(/\/os-exit\/$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const block = await readyBlock(page);
  await expect(await runToEnd(block)).toHaveAttribute("data-outcome", "exit");
  await expect(ending(block)).toContainText("os._exit");
  await expect(log(block)).not.toContainText("Traceback");
  expect(problems).toEqual([]);
});
