/**
 * The way out, under each ending: taken from the run, an ordered list named "The way out" whose
 * items carry data-step / data-ran / data-line, steps that never ran marked in words, line
 * references that move the cursor; the article's blocks show theirs with JavaScript off.
 */
import type { Locator } from "@playwright/test";
import { axeViolationsInBothThemes } from "./axe.ts";
import {
  cursorLine,
  ending,
  playground,
  readyBlock,
  runToEnd,
  startRun,
  stopButton,
  visit,
} from "./blocks.ts";
import { expect, test } from "./fixtures.ts";

const wayOut = (block: Locator): Locator => block.getByRole("list", { name: "The way out" });
const step = (block: Locator, kind: string): Locator =>
  wayOut(block).locator(`li[data-step="${kind}"]`);

const EXIT_IN_FINALLY = `import atexit, sys

def bye():
    print("bye")

def work():
    try:
        sys.exit(2)
    finally:
        print("finally")

atexit.register(bye)
work()
`;

test("sys.exit in a function's try/finally: the finally and atexit ran, status 2", async ({
  page,
  problems,
}) => {
  const block = await playground(page, EXIT_IN_FINALLY);
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "2");
  await expect(step(block, "start")).toHaveAttribute("data-line", "8");
  await expect(step(block, "finally")).toHaveAttribute("data-ran", "yes");
  await expect(step(block, "finally")).toHaveAttribute("data-line", "9");
  await expect(step(block, "atexit")).toHaveAttribute("data-ran", "yes");
  await expect(step(block, "exit")).toContainText("→ 2");
  // Each step's own output, under it, as text: the finally's and the handler's.
  await expect(step(block, "finally").locator("pre")).toHaveText("finally");
  await expect(step(block, "atexit").locator("pre")).toHaveText("bye");
  await expect(step(block, "start").locator("pre")).toHaveCount(0);
  // In order: the end starts, the finally runs, the frames are left, then atexit, then the status.
  const order = await wayOut(block)
    .locator("li")
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset["step"]));
  expect(order).toEqual(["start", "finally", "unwind", "unwind", "atexit", "exit"]);
  expect(problems).toEqual([]);
});

test("os._exit in the same place: the finally and atexit never ran, in words too", async ({
  page,
  problems,
}) => {
  const source = EXIT_IN_FINALLY.replace("sys.exit(2)", "os._exit(2)").replace(
    "atexit, sys",
    "atexit, os",
  );
  const block = await playground(page, source);
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "2");
  await expect(step(block, "finally")).toHaveAttribute("data-ran", "no");
  await expect(step(block, "finally")).toContainText("never ran");
  await expect(step(block, "atexit")).toHaveAttribute("data-ran", "no");
  await expect(step(block, "atexit")).toContainText("never ran");
  expect(problems).toEqual([]);
});

test("os._exit after a partial line: one byte lost, shown greyed with its text", async ({
  page,
  problems,
}) => {
  const block = await playground(page, 'print("x", end="")\nimport os\nos._exit(0)\n');
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await expect(block.getByRole("log").locator(".pb-line")).toHaveCount(0);
  const lost = step(block, "flush");
  await expect(lost).toHaveAttribute("data-ran", "no");
  await expect(lost).toHaveText('stdout: 1 byte never written: "x"');
  expect(problems).toEqual([]);
});

test("an exception through a with block: its exit ran; a line reference moves the cursor", async ({
  page,
  problems,
}) => {
  const source = `class Door:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("closed")

with Door():
    raise KeyError("k")
`;
  const block = await playground(page, source);
  await runToEnd(block);
  await expect(step(block, "with")).toHaveAttribute("data-ran", "yes");
  await expect(step(block, "with")).toHaveAttribute("data-line", "7");
  const go = step(block, "with").getByRole("button", { name: "line 7" });
  await go.focus();
  await page.keyboard.press("Enter");
  const editor = block.getByRole("textbox", { name: /editable code/ });
  await expect(editor).toBeFocused();
  expect(await cursorLine(block)).toBe(7);
  expect(await axeViolationsInBothThemes(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("the article's KeyboardInterrupt block, stopped: SIGINT, then the except on line 5, status 0", async ({
  page,
  problems,
}) => {
  await visit(page, "halt-python-script/keyboard-interrupt/");
  const block = await readyBlock(page);
  await startRun(block);
  await page.waitForTimeout(300);
  await stopButton(block).click();
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0");
  await expect(step(block, "signal")).toContainText("SIGINT delivered");
  await expect(step(block, "except")).toHaveAttribute("data-line", "5");
  await expect(step(block, "except")).toHaveAttribute("data-ran", "yes");
  await expect(step(block, "except").locator("pre")).toHaveText("User interrupted the script");
  expect(problems).toEqual([]);
});

test("with JavaScript off, the article's blocks show their recorded way out", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/halt-python-script/os-exit/");
  const block = page.locator("python-block").first();
  await expect(wayOut(block)).toBeVisible();
  await expect(step(block, "start")).toContainText("os._exit(0)");
  await expect(step(block, "exit")).toContainText("→ 0");
  await page.goto("/halt-python-script/custom-exception/");
  await expect(step(page.locator("python-block").first(), "start")).toContainText(
    "MyCustomError raised",
  );
  // What the except printed is recorded with it.
  await page.goto("/halt-python-script/keyboard-interrupt/");
  await expect(step(page.locator("python-block").first(), "except").locator("pre")).toHaveText(
    "User interrupted the script",
  );
  await context.close();
});
