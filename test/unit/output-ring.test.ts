import { test } from "node:test";
import assert from "node:assert/strict";
import {
  OutputRingReader,
  OutputRingWriter,
  createOutputRing,
} from "../../src/channels/output-ring.ts";

test("text crosses in order, merged per stream, Unicode intact", () => {
  const ring = createOutputRing(64);
  const w = new OutputRingWriter(ring);
  const r = new OutputRingReader(ring);
  w.write("stdout", "a🐍");
  w.write("stdout", "b\n");
  w.write("stderr", "err");
  w.write("stdout", "c");
  assert.deepEqual(r.drain(), {
    chunks: [
      { stream: "stdout", text: "a🐍b\n" },
      { stream: "stderr", text: "err" },
      { stream: "stdout", text: "c" },
    ],
    dropped: 0,
  });
  assert.deepEqual(r.drain(), { chunks: [], dropped: 0 });
});

test("the ring wraps around and, when full, drops and counts instead of blocking", () => {
  const ring = createOutputRing(16);
  const w = new OutputRingWriter(ring);
  const r = new OutputRingReader(ring);
  for (let i = 0; i < 20; i += 1) {
    w.write("stdout", `${String(i % 10)}xyz`);
    assert.deepEqual(r.drain().chunks, [{ stream: "stdout", text: `${String(i % 10)}xyz` }]);
  }
  w.write("stdout", "0123456789"); // 13 of 16 units
  w.write("stdout", "abcdef"); // does not fit: dropped
  const d = r.drain();
  assert.deepEqual(d.chunks, [{ stream: "stdout", text: "0123456789" }]);
  assert.equal(d.dropped, 6);
});
