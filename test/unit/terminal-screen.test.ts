/**
 * The output panel reads what a terminal shows: `\r` overwrites, `\b` and erase-in-line edit, tabs
 * stop every 8 columns, SGR colours and styles become spans, other escape sequences vanish, and
 * rows the terminal wrapped read back as one line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { TerminalScreen } from "../../src/client/terminal-screen.ts";

async function shown(text: string, columns = 80): Promise<TerminalScreen> {
  const screen = new TerminalScreen(columns, 24, 1000);
  await screen.write(text);
  return screen;
}

const texts = (screen: TerminalScreen): string[] => screen.lines().map((line) => line.text);

test("a carriage-return progress line ends as its last state", async () => {
  assert.deepEqual(texts(await shown("\r0%\r25%\r50%\r75%\r100%\n")), ["100%"]);
});

test("backspace and erase-in-line edit the line; tabs stop every 8 columns", async () => {
  assert.deepEqual(texts(await shown("abc\bX\n12345\r\x1b[K9\nA\tB\n")), ["abX", "9", "A       B"]);
});

test("blank lines are kept, a partial last line shows, nothing after the cursor is invented", async () => {
  assert.deepEqual(texts(await shown("a\n\nb\n\n")), ["a", "", "b", ""]);
  assert.deepEqual(texts(await shown("a\npartial")), ["a", "partial"]);
});

test("SGR colours and styles become spans; the text stays plain", async () => {
  const [line] = (
    await shown(
      "x \x1b[31mred\x1b[0m \x1b[1;4mbold\x1b[0m \x1b[38;5;208mo\x1b[38;2;1;2;3mr\x1b[0m\n",
    )
  ).lines();
  assert.ok(line);
  assert.equal(line.text, "x red bold or");
  const red = line.spans.find((s) => s.text === "red");
  assert.deepEqual(red?.style?.fg, { palette: 1 });
  const bold = line.spans.find((s) => s.text === "bold");
  assert.ok(bold?.style);
  assert.equal(bold.style.bold, true);
  assert.equal(bold.style.underline, true);
  assert.deepEqual(line.spans.find((s) => s.text === "o")?.style?.fg, { palette: 208 });
  assert.deepEqual(line.spans.find((s) => s.text === "r")?.style?.fg, { rgb: 0x010203 });
  assert.equal(line.spans[0]?.style, null);
});

test("other escape sequences are consumed, never shown", async () => {
  assert.deepEqual(texts(await shown("\x1b]0;a title\x07\x1b[?25lvisible\x1b[?25h\x1b(B\n")), [
    "visible",
  ]);
});

test("a line wider than the terminal wraps into rows and reads back as one line", async () => {
  assert.deepEqual(texts(await shown(`${"x".repeat(25)}\nend\n`, 10)), ["x".repeat(25), "end"]);
});
