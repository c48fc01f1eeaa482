/**
 * The output panel is a terminal: the three streams are TTYs of the panel's size, output is
 * applied as a terminal applies it (line buffering, `\r`, SGR colours), and the coloured lines
 * stay accessible in both themes.
 */
import type { Locator } from "@playwright/test";
import { axeViolationsInBothThemes } from "./axe.ts";
import { cursorLine, ending, log, playground, runToEnd } from "./blocks.ts";
import { expect, test } from "./fixtures.ts";

/** The log's lines. */
const lines = (block: Locator): Locator => log(block).locator(".pb-line");

/** Waits for the log to show `expected`, then checks each line's text exactly (no trimming). */
async function expectLines(block: Locator, expected: string[]): Promise<void> {
  await expect(lines(block)).toHaveText(expected);
  expect(await lines(block).allTextContents()).toEqual(expected);
}

/** The computed colour `value` (e.g. `var(--term-1)`) takes inside the log, and the log's own. */
function colours(block: Locator, value: string): Promise<{ probe: string; own: string }> {
  return log(block).evaluate((el, css) => {
    const probe = document.createElement("span");
    probe.style.color = css;
    el.append(probe);
    const result = { probe: getComputedStyle(probe).color, own: getComputedStyle(el).color };
    probe.remove();
    return result;
  }, value);
}

/**
 * The columns the log's text area holds, measured here independently of the page's probe: its
 * content width (clientWidth leaves out the stable scrollbar gutter) over one cell of its font.
 */
function panelColumns(block: Locator): Promise<number> {
  return log(block).evaluate((el) => {
    const style = getComputedStyle(el);
    const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const cells = document.createElement("span");
    cells.style.cssText = "position: absolute; visibility: hidden; white-space: pre";
    cells.textContent = "0".repeat(100);
    el.append(cells);
    const cell = cells.getBoundingClientRect().width / 100;
    cells.remove();
    return Math.floor(width / cell);
  });
}

test("stdin, stdout and stderr are TTYs", async ({ page, problems }) => {
  const block = await playground(
    page,
    "import sys\nprint(sys.stdin.isatty(), sys.stdout.isatty(), sys.stderr.isatty())\n",
  );
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await expectLines(block, ["True True True"]);
  expect(problems).toEqual([]);
});

test("os._exit drops a line still in stdout's line buffer", async ({ page, problems }) => {
  const block = await playground(page, 'print("partial", end="")\nimport os\nos._exit(3)\n');
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "3");
  await expect(lines(block)).toHaveCount(0);
  await expect(log(block)).toHaveText("");
  expect(await log(block).textContent()).toBe("");
  expect(problems).toEqual([]);
});

test("a flushed partial line is shown before os._exit", async ({ page, problems }) => {
  const block = await playground(
    page,
    'import os\nprint("a")\nprint("b", end="", flush=True)\nos._exit(0)\n',
  );
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await expectLines(block, ["a", "b"]);
  expect(problems).toEqual([]);
});

// A partial line left on stderr is written when the program ends, before what its end prints,
// as python3 does on a terminal (test/parity/corpus/stderr_partial_*.py hold the same programs).
test("a partial stderr line is kept when sys.exit prints its message", async ({
  page,
  problems,
}) => {
  const block = await playground(
    page,
    'import sys\n\nprint("out line")\nsys.stderr.write("unflushed,")\nsys.exit("message")\n',
  );
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "1");
  await expectLines(block, ["out line", "unflushed,message"]);
  expect(problems).toEqual([]);
});

test("a partial stderr line is kept before an uncaught exception's traceback", async ({
  page,
  problems,
}) => {
  const block = await playground(
    page,
    'import sys\n\nprint("out line")\nsys.stderr.write("partial")\nraise ValueError("boom")\n',
  );
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "1");
  await expect(lines(block).nth(1)).toHaveText("partialTraceback (most recent call last):");
  await expect(lines(block).first()).toHaveText("out line");
  await expect(lines(block).last()).toHaveText("ValueError: boom");
  expect(problems).toEqual([]);
});

test("\\r progress overwrites its line: one line, 100%", async ({ page, problems }) => {
  const block = await playground(
    page,
    'import time\nfor i in range(5):\n    print(f"\\r{i*25}%", end="", flush=True)\n    time.sleep(0.05)\nprint()\n',
  );
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await expectLines(block, ["100%"]);
  expect(problems).toEqual([]);
});

test("SGR colours and bold are drawn as styled spans, not escape codes", async ({
  page,
  problems,
}) => {
  const block = await playground(
    page,
    'print("\\x1b[31mred\\x1b[0m plain \\x1b[1mbold\\x1b[0m")\n',
  );
  await runToEnd(block);
  await expectLines(block, ["red plain bold"]);
  const text = await log(block).innerText();
  expect(text).toBe("red plain bold");
  expect(text).not.toContain("\x1b");
  expect(text).not.toContain("[31m");
  const red = log(block).locator("span", { hasText: /^red$/ });
  const bold = log(block).locator("span", { hasText: /^bold$/ });
  await expect(red).toHaveClass("t-fg-1");
  await expect(bold).toHaveClass("t-bold");
  const { probe, own } = await colours(block, "var(--term-1)");
  expect(probe).not.toBe(own);
  await expect(red).toHaveCSS("color", probe);
  await expect(bold).toHaveCSS("font-weight", "700");
  await expect(bold).toHaveCSS("color", own);
  expect(problems).toEqual([]);
});

test("copying coloured output gives its plain text", async ({ page, context, problems }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const block = await playground(page, 'print("\\x1b[32mok\\x1b[0m done")\nprint("next")\n');
  await runToEnd(block);
  await expectLines(block, ["ok done", "next"]);
  await log(block).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await page.keyboard.press("Control+C");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe("ok done\nnext");
  expect(problems).toEqual([]);
});

test("a traceback is coloured and its line reference moves the editor there", async ({
  page,
  problems,
}) => {
  const block = await playground(page, 'def f():\n    raise ValueError("boom")\nf()\n');
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-outcome", "exception");
  await expect(status).toHaveAttribute("data-exit-code", "1");
  await expect(lines(block).last()).toHaveText("ValueError: boom");
  const name = log(block).locator("span", { hasText: /^ValueError$/ });
  await expect(name).toHaveCount(1);
  const { own } = await colours(block, "inherit"); // the probe inherits the log's colour
  expect(await name.evaluate((el) => getComputedStyle(el).color)).not.toBe(own);
  const link = log(block).locator(".pb-traceback-link", {
    hasText: /^File "\/home\/reader\/snippet\.py", line 2$/,
  });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText('File "/home/reader/snippet.py", line 2');
  await link.click();
  const editor = block.getByRole("textbox", { name: /editable code/ });
  await expect(editor).toBeFocused();
  expect(await cursorLine(block)).toBe(2);
  expect(problems).toEqual([]);
});

test("os.get_terminal_size() is the panel's width in cells, and follows it", async ({
  page,
  problems,
}) => {
  const block = await playground(page, "import os\nprint(os.get_terminal_size().columns)\n");
  const columns = async (): Promise<{ printed: number; measured: number }> => {
    await expect(await runToEnd(block)).toHaveAttribute("data-exit-code", "0");
    await expect(lines(block)).toHaveText([/^\d+$/]);
    return {
      printed: Number(await lines(block).first().textContent()),
      measured: await panelColumns(block),
    };
  };
  const wide = await columns();
  expect(Math.abs(wide.printed - wide.measured), JSON.stringify(wide)).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 360, height: 800 });
  const narrow = await columns();
  expect(Math.abs(narrow.printed - narrow.measured), JSON.stringify(narrow)).toBeLessThanOrEqual(1);
  expect(narrow.printed).toBeLessThan(wide.printed);
  expect(problems).toEqual([]);
});

test("coloured output and a coloured traceback pass axe in both themes", async ({
  page,
  problems,
}) => {
  const source = [
    'print("".join(f"\\x1b[{30+i}m{i}\\x1b[0m " for i in range(8)))',
    'print("".join(f"\\x1b[{90+i}m{8+i}\\x1b[0m " for i in range(8)))',
    'print("".join(f"\\x1b[{40+i}mbg{i}\\x1b[0m " for i in range(8)))',
    'raise ValueError("boom")',
    "",
  ].join("\n");
  const block = await playground(page, source);
  await runToEnd(block);
  await expect(ending(block)).toHaveAttribute("data-outcome", "exception");
  for (let i = 0; i < 16; i += 1) {
    const line = lines(block).nth(Math.floor(i / 8));
    await expect(line.locator(`.t-fg-${String(i)}`)).toHaveText(String(i));
  }
  const backgrounds = lines(block).nth(2);
  for (let i = 0; i < 8; i += 1) {
    await expect(backgrounds.locator(`.t-bg-${String(i)}`)).toHaveText(`bg${String(i)}`);
  }
  await expect(lines(block).last()).toHaveText("ValueError: boom");
  await expect(log(block).locator("span", { hasText: /^ValueError$/ })).toHaveCount(1);
  expect(await axeViolationsInBothThemes(page)).toEqual([]);
  expect(problems).toEqual([]);
});
