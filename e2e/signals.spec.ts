/**
 * Signals from outside, as real programs are halted: "Send signal" (SIGTERM, SIGKILL) beside
 * Stop, and Ctrl+C exactly where the reader chooses ("Interrupt at line N" in the gutter). Each
 * ending says which signal and the status a shell sees; each way out says what ran and what never
 * ran.
 */
import type { Locator, Page } from "@playwright/test";
import { axeViolationsInBothThemes } from "./axe.ts";
import { ending, log, playground, runToEnd, startRun, stopButton } from "./blocks.ts";
import { expect, test } from "./fixtures.ts";

const signalMenu = (block: Locator): Locator => block.getByRole("button", { name: /signal/i });
const item = (page: Page, name: string): Locator =>
  page.getByRole("menuitem", { name: new RegExp(`^${name}`) });
const step = (block: Locator, kind: string): Locator =>
  block.getByRole("list", { name: "The way out" }).locator(`li[data-step="${kind}"]`);

async function send(page: Page, block: Locator, name: "SIGTERM" | "SIGKILL"): Promise<void> {
  await signalMenu(block).click();
  await item(page, `Send ${name}`).click();
}

const SLEEPING = `import time
try:
    print("working", flush=True)
    while True:
        time.sleep(0.05)
finally:
    print("finally ran")
`;

const WITH_HANDLER = `import signal, sys, time

def on_term(signum, frame):
    print("handler: SIGTERM")
    sys.exit(0)

signal.signal(signal.SIGTERM, on_term)
${SLEEPING.replace("import time\n", "")}`;

test("SIGTERM with its default action: 143, outcome signal, the finally never ran", async ({
  page,
  problems,
}) => {
  const block = await playground(page, SLEEPING);
  await startRun(block);
  await expect(log(block)).toContainText("working");
  await send(page, block, "SIGTERM");
  await expect(ending(block)).toHaveAttribute("data-outcome", "signal");
  await expect(ending(block)).toHaveAttribute("data-signal", "SIGTERM");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "143");
  await expect(ending(block)).toContainText("SIGTERM");
  await expect(log(block)).not.toContainText("finally ran");
  await expect(step(block, "finally")).toHaveAttribute("data-ran", "no");
  expect(problems).toEqual([]);
});

test("SIGTERM with a handler that calls sys.exit(0): the handler, then the finally, status 0", async ({
  page,
  problems,
}) => {
  const block = await playground(page, WITH_HANDLER);
  await startRun(block);
  await expect(log(block)).toContainText("working");
  await send(page, block, "SIGTERM");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0");
  await expect(ending(block)).toHaveAttribute("data-outcome", "exit");
  const lines = await log(block).innerText();
  expect(lines.indexOf("handler: SIGTERM")).toBeGreaterThan(-1);
  expect(lines.indexOf("finally ran")).toBeGreaterThan(lines.indexOf("handler: SIGTERM"));
  await expect(step(block, "signal")).toContainText("SIGTERM delivered");
  await expect(step(block, "signal").locator("pre")).toHaveText("handler: SIGTERM");
  await expect(step(block, "finally")).toHaveAttribute("data-ran", "yes");
  await expect(ending(block)).toContainText("SIGTERM was delivered on line");
  expect(problems).toEqual([]);
});

test("SIGKILL on a loop inside try/finally: 137, and the way out names the finally that never ran", async ({
  page,
  problems,
}) => {
  const block = await playground(page, SLEEPING.replace("time.sleep(0.05)", "pass"));
  await startRun(block);
  await expect(log(block)).toContainText("working");
  await send(page, block, "SIGKILL");
  await expect(ending(block)).toHaveAttribute("data-outcome", "killed");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "137");
  await expect(ending(block)).toContainText("you sent SIGKILL");
  await expect(log(block)).not.toContainText("finally ran");
  await expect(step(block, "kill")).toBeVisible();
  await expect(step(block, "finally")).toHaveAttribute("data-ran", "no");
  expect(problems).toEqual([]);
});

test("SIGINT ignored: Stop cannot interrupt it, so the ladder kills it (137)", async ({
  page,
  problems,
}) => {
  const source = `import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n${SLEEPING}`;
  const block = await playground(page, source);
  await startRun(block);
  await expect(log(block)).toContainText("working");
  await stopButton(block).click();
  await expect(ending(block)).toHaveAttribute("data-exit-code", "137");
  await expect(ending(block)).toHaveAttribute("data-outcome", "killed");
  await expect(ending(block)).toContainText("ignored Stop");
  await expect(step(block, "finally")).toHaveAttribute("data-ran", "no");
  expect(problems).toEqual([]);
});

test("Interrupt at line 2 on three prints: only the first prints, KeyboardInterrupt at line 2, 130", async ({
  page,
  problems,
}) => {
  const block = await playground(page, 'print("one")\nprint("two")\nprint("three")\n');
  const mark = block.getByRole("button", { name: "Interrupt at line 2", exact: true });
  await expect(mark).toHaveAttribute("aria-pressed", "false");
  await mark.click();
  await expect(mark).toHaveAttribute("aria-pressed", "true");
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "130");
  await expect(status).toHaveAttribute("data-outcome", "interrupt");
  const text = await log(block).innerText();
  expect(text.startsWith("one\n")).toBe(true);
  expect(text).not.toContain("two\n");
  expect(text).toContain("line 2");
  expect(text).toContain("KeyboardInterrupt");
  await expect(step(block, "signal")).toContainText("SIGINT delivered when line 2 starts");
  // Pressing it again removes the mark: the next run prints all three.
  await mark.click();
  await expect(mark).toHaveAttribute("aria-pressed", "false");
  await expect(await runToEnd(block)).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).toContainText("three");
  // Reset replaces the code: the mark goes with it (it never jumps to another line).
  await mark.click();
  await block.getByRole("button", { name: "Reset" }).click();
  await expect(block.locator('[aria-pressed="true"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("keyboard only: the signal menu and the line marks; axe clean with the menu open", async ({
  page,
  problems,
}) => {
  const block = await playground(page, WITH_HANDLER);
  // The gutter is one tab stop; Up and Down move along it; Space presses.
  const first = block.getByRole("button", { name: "Interrupt at line 1", exact: true });
  await first.focus();
  await page.keyboard.press("ArrowDown");
  await expect(
    block.getByRole("button", { name: "Interrupt at line 2", exact: true }),
  ).toBeFocused();
  await page.keyboard.press("Space");
  await expect(
    block.getByRole("button", { name: "Interrupt at line 2", exact: true }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Space");
  await expect(
    block.getByRole("button", { name: "Interrupt at line 2", exact: true }),
  ).toHaveAttribute("aria-pressed", "false");
  await startRun(block);
  await expect(log(block)).toContainText("working");
  const menu = signalMenu(block);
  await menu.focus();
  await page.keyboard.press("ArrowDown");
  await expect(item(page, "Send SIGTERM")).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  expect(await axeViolationsInBothThemes(page)).toEqual([]);
  await page.keyboard.press("ArrowDown");
  await expect(item(page, "Send SIGKILL")).toBeFocused();
  // Escape closes the menu and does not press Stop: the program still runs.
  await page.keyboard.press("Escape");
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(block).toHaveAttribute("data-state", "running");
  await page.keyboard.press("Enter");
  await expect(item(page, "Send SIGTERM")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).toContainText("handler: SIGTERM");
  await expect(menu).toBeDisabled();
  expect(problems).toEqual([]);
});
