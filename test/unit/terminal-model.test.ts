/**
 * The page's output model is one terminal: both streams and the reader's input reach it in the
 * order they came, it keeps the last MAX_LINES rows and counts the rest, and it says which rows a
 * write changed so the renderer redraws only those.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Drained } from "../../src/channels/output-ring.ts";
import { MAX_LINES } from "../../src/client/scrollback.ts";
import { TerminalModel } from "../../src/client/terminal-model.ts";
import { TerminalScreen } from "../../src/client/terminal-screen.ts";

const out = (text: string, stream: "stdout" | "stderr" = "stdout", skippedLines = 0): Drained => ({
  chunks: [{ stream, text }],
  dropped: 0,
  skippedLines,
});

/** A model and a promise of its next change. */
function model(): { m: TerminalModel; changes: () => number } {
  let count = 0;
  const m = new TerminalModel(() => {
    count += 1;
  });
  return { m, changes: () => count };
}

const texts = (m: TerminalModel): string[] => m.linesFrom(m.first).map((l) => l.line.text);

test("stdout, stderr and typed input share one terminal, in the order they came", async () => {
  const { m, changes } = model();
  m.add(out("name? "));
  m.echoInput("Ada");
  m.add(out("partial"));
  m.add(out(" then stderr\n", "stderr"));
  await m.written();
  assert.deepEqual(texts(m), ["name? Ada", "partial then stderr"]);
  assert.ok(changes() >= 1);
});

test("only rows from the screen's top on are reported changed; rows above it are final", async () => {
  const { m } = model();
  m.add(out(Array.from({ length: 100 }, (_, i) => `line ${String(i)}\n`).join("")));
  await m.written();
  assert.equal(m.takeChanged(), 0);
  assert.equal(m.takeChanged(), Infinity);
  m.add(out("\rnew"));
  await m.written();
  // 100 lines and the cursor's row: the 24-row screen shows rows 77–100.
  assert.equal(m.takeChanged(), 77);
  assert.equal(texts(m).at(-1), "new");
});

test("a flood keeps the last rows and counts the rest; a drain's skipped lines are counted too", async () => {
  const { m } = model();
  m.add(out("x\n".repeat(MAX_LINES + 250)));
  await m.written();
  // The cursor's (empty) row is kept as the last of MAX_LINES rows.
  assert.equal(m.first, 251);
  assert.equal(m.droppedLines, 251);
  assert.equal(texts(m).length, MAX_LINES - 1);
  m.add({ chunks: [{ stream: "stdout", text: "tail\n" }], dropped: 7, skippedLines: 5000 });
  await m.written();
  assert.equal(m.droppedLines, 252 + 5000);
  assert.equal(m.droppedChars, 7);
  assert.equal(texts(m).at(-1), "tail");
  m.clear();
  assert.deepEqual([m.first, m.droppedLines, m.droppedChars, texts(m)], [0, 0, 0, []]);
});

test("a write far larger than the kept rows is counted row by row", async () => {
  const screen = new TerminalScreen(10, 5, 50);
  // Lines that wrap (25 columns into 10: three rows each) and one long line with no newline.
  await screen.write(`${"y".repeat(25)}\n`.repeat(400) + "z".repeat(1000));
  assert.equal(screen.first + 55 - 1, 400 * 3 + 100 - 1);
  const lines = screen.linesFrom(screen.first);
  assert.match(lines.at(-1)?.line.text ?? "", /^z{40,}$/);
});

test("the last lines can be read alone; a line cut at the top by trimming still reads", async () => {
  const screen = new TerminalScreen(10, 5, 50);
  await screen.write(Array.from({ length: 30 }, (_, i) => `${String(i)}\n`).join(""));
  const last = screen.linesFrom(0, 3);
  assert.deepEqual(
    last.map((l) => [l.row, l.line.text]),
    [
      [27, "27"],
      [28, "28"],
      [29, "29"],
    ],
  );
  assert.deepEqual(
    screen.linesFrom(0, Infinity, 2).map((l) => l.line.text),
    ["0", "1"],
  );
});
