/**
 * The run and the tab's life (#26): a tab the browser freezes for seconds mid-run, as it does to a
 * background tab (CDP `Page.setWebLifecycleState`). Runs end right, nothing of their output is
 * lost or doubled. Leaving a page mid-run and coming back: `back-forward.spec.ts`.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { ending, log, playground, startRun, stopButton } from "./blocks.ts";

/** How long a frozen tab stays frozen: long enough for a program to have gone on without it. */
const FROZEN_MS = 3000;

async function freeze(page: Page, ms: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.enable");
  await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
  await new Promise((resolve) => setTimeout(resolve, ms));
  await cdp.send("Page.setWebLifecycleState", { state: "active" });
  await cdp.detach();
}

const COUNT =
  "import time\nfor i in range(30):\n    print(i)\n    time.sleep(0.1)\nprint('done')\n";

test("a tab frozen for seconds mid-run: the run ends right, its output whole and in order", async ({
  page,
  problems,
}) => {
  const block = await playground(page, COUNT);
  await startRun(block);
  await expect(log(block)).toContainText("3");
  await freeze(page, FROZEN_MS);
  await expect(block).toHaveAttribute("data-state", "done");
  await expect(ending(block)).toHaveAttribute("data-outcome", "exit");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0");
  const lines = (await log(block).innerText()).split("\n").filter((l) => l.trim() !== "");
  expect(lines).toEqual([...Array.from({ length: 30 }, (_, i) => String(i)), "done"]);
  expect(problems).toEqual([]);
});

test("Stop after a freeze is still a KeyboardInterrupt where the program was", async ({
  page,
  problems,
}) => {
  const block = await playground(page, "import time\nwhile True:\n    time.sleep(0.01)\n");
  await startRun(block);
  await freeze(page, FROZEN_MS);
  await expect(block).toHaveAttribute("data-state", "running");
  await stopButton(block).click();
  await expect(block).toHaveAttribute("data-state", "done");
  await expect(ending(block)).toHaveAttribute("data-outcome", "interrupt");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "130");
  await expect(log(block)).toContainText("KeyboardInterrupt");
  expect(problems).toEqual([]);
});
