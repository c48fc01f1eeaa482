/**
 * Served without COOP/COEP and with service workers blocked, the page cannot be cross-origin
 * isolated. Programs still run; Stop terminates and respawns, and says why it could not interrupt:
 * no headers, and no service worker to add them.
 */
import { expect, test } from "./fixtures.ts";
import { ending, log, playground, runToEnd, startRun, stopButton } from "./blocks.ts";

test("the page really is not isolated here, and each block says what is missing", async ({
  page,
  problems,
}) => {
  const block = await playground(page, "print('hi')\n");
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  const note = block.getByRole("note");
  await expect(note).toHaveAttribute("data-missing", "service-worker");
  await expect(note).toContainText("the host sends no COOP/COEP headers");
  await expect(note).toContainText("no service worker can add them");
  await expect(note).toContainText("Stop ends them at once instead of raising KeyboardInterrupt");
  await expect(note).toContainText("input() reads end of file");
  expect(problems).toEqual([]);
});

test("input() reads end of file, and the ending says why", async ({ page, problems }) => {
  const block = await playground(page, 'name = input("Name? ")\nprint("Hello,", name)\n');
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-outcome", "exception");
  await expect(status).toHaveAttribute("data-exit-code", "1");
  await expect(status).toContainText("EOFError");
  await expect(status).toContainText("input() read end of file");
  await expect(status).toContainText("no service worker can add them");
  await expect(log(block)).toContainText("Name? ");
  expect(problems).toEqual([]);
});

test("programs still run and show their ending", async ({ page, problems }) => {
  const block = await playground(page, "import sys\nprint('hello')\nsys.exit(4)\n");
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "4");
  await expect(log(block)).toHaveText("hello");
  expect(problems).toEqual([]);
});

test("Stop on `while True: pass` kills and respawns, saying why it could not interrupt", async ({
  page,
  problems,
}) => {
  const block = await playground(page, "print('spinning')\nwhile True:\n    pass\n");
  await startRun(block);
  await expect(log(block)).toContainText("spinning");
  await stopButton(block).click();
  const status = ending(block);
  await expect(status).toHaveAttribute("data-outcome", "killed");
  await expect(status).toHaveAttribute("data-exit-code", "137");
  await expect(status).toContainText("not cross-origin isolated");
  await expect(status).toContainText("no service worker can add them");
  await expect(status).toContainText("could not deliver KeyboardInterrupt");
  await block.getByRole("textbox", { name: /editable code/ }).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("print('respawned')");
  const again = await runToEnd(block);
  await expect(again).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).toHaveText("respawned");
  expect(problems).toEqual([]);
});

test("Send SIGTERM without shared memory terminates, and says that no handler could run", async ({
  page,
  problems,
}) => {
  const block = await playground(page, "print('spinning')\nwhile True:\n    pass\n");
  await startRun(block);
  await expect(log(block)).toContainText("spinning");
  await block.getByRole("button", { name: /signal/i }).click();
  await page.getByRole("menuitem", { name: /^Send SIGTERM/ }).click();
  const status = ending(block);
  await expect(status).toHaveAttribute("data-outcome", "killed");
  await expect(status).toHaveAttribute("data-exit-code", "137");
  await expect(status).toContainText("no signal can reach the program's handlers");
  expect(problems).toEqual([]);
});
