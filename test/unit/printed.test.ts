/** `Printed`: counts what a run writes and keeps only what the way-out recorder marked. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Printed } from "../../src/runner/printed.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test("counts every byte and keeps what follows a mark", () => {
  const printed = new Printed();
  printed.write(bytes("before the mark\n"));
  const start = printed.mark();
  assert.equal(start, 16);
  printed.write(bytes("in "));
  printed.write(bytes("finally\n"));
  const end = printed.mark();
  assert.equal(printed.text(start, end), "in finally\n");
  // What came before the first mark was counted, never kept.
  assert.equal(printed.text(0, start), "");
});

test("a character split across writes is whole once both halves are kept", () => {
  const printed = new Printed();
  const start = printed.mark();
  const tick = bytes("✓");
  printed.write(tick.slice(0, 1));
  printed.write(tick.slice(1));
  assert.equal(printed.text(start, start + 3), "✓");
  assert.equal(printed.text(start, start + 1), "\uFFFD");
});

test("a flood after a mark is kept only for a few KiB: the rest is counted", () => {
  const printed = new Printed();
  const start = printed.mark();
  for (let i = 0; i < 1000; i += 1) printed.write(bytes(`${String(i).padStart(9)}\n`));
  const end = printed.mark();
  assert.equal(end - start, 10_000);
  const text = printed.text(start, end);
  assert.equal(text.length, 4096);
  assert.ok(text.startsWith("        0\n        1\n"));
  // A later mark keeps what follows it again.
  printed.write(bytes("later\n"));
  assert.equal(printed.text(end, end + 6), "later\n");
});
