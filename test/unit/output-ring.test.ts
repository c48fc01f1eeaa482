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
    skippedLines: 0,
  });
  assert.deepEqual(r.drain(), { chunks: [], dropped: 0, skippedLines: 0 });
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

test("a forged header or record cannot make the page spin or read garbage", () => {
  const ring = createOutputRing(64);
  const r = new OutputRingReader(ring);
  const header = new Int32Array(ring, 0, 2);
  // A used count near 2^31, far beyond the ring: nothing is read, the count is dropped.
  Atomics.store(header, 0, 2 ** 31 - 1);
  const forged = r.drain();
  assert.deepEqual(forged.chunks, []);
  assert.equal(forged.dropped, 64);
  assert.equal(Atomics.load(header, 0), 0);
});

test("a record whose length runs past what was written is refused; earlier records survive", () => {
  const ring = createOutputRing(64);
  const w = new OutputRingWriter(ring);
  const r = new OutputRingReader(ring);
  const header = new Int32Array(ring, 0, 2);
  w.write("stdout", "ok");
  const data = new Uint16Array(ring, 8);
  data.set([1, 0, 40], 5);
  Atomics.add(header, 0, 3);
  const partial = r.drain();
  assert.deepEqual(partial.chunks, [{ stream: "stdout", text: "ok" }]);
  assert.ok(partial.dropped >= 3);
});

test("an unknown stream code is refused; a negative dropped count never shows", () => {
  const ring = createOutputRing(64);
  const r = new OutputRingReader(ring);
  const header = new Int32Array(ring, 0, 2);
  new Uint16Array(ring, 8).set([9, 0, 1, 65], 0);
  Atomics.store(header, 0, 4);
  Atomics.store(header, 1, -5);
  assert.deepEqual(r.drain(), { chunks: [], dropped: 4, skippedLines: 0 });
});

test("after corruption nothing more is read from the ring, only counted", () => {
  const ring = createOutputRing(64);
  const w = new OutputRingWriter(ring);
  const r = new OutputRingReader(ring);
  Atomics.store(new Int32Array(ring, 0, 2), 0, -1);
  r.drain();
  w.write("stdout", "later");
  const after = r.drain();
  assert.deepEqual(after.chunks, []);
  assert.equal(after.dropped, 8);
});

test("of a flood only the last lines are decoded; the older ones are counted, across streams and the wrap", () => {
  const ring = createOutputRing(256);
  const w = new OutputRingWriter(ring);
  const r = new OutputRingReader(ring);
  w.write("stdout", "x".repeat(150)); // moves the write position near the end, so records wrap
  assert.equal(r.drain().chunks[0]?.text.length, 150);
  w.write("stdout", "partial ");
  w.write("stdout", "line 1\nline 2\n");
  w.write("stderr", "err 3\n");
  w.write("stdout", "line 4\nline 5\nopen");
  const d = r.drain(2);
  assert.equal(d.skippedLines, 3);
  assert.deepEqual(d.chunks, [{ stream: "stdout", text: "line 4\nline 5\nopen" }]);
  w.write("stdout", "a\nb\n");
  assert.deepEqual(r.drain(5), {
    chunks: [{ stream: "stdout", text: "a\nb\n" }],
    dropped: 0,
    skippedLines: 0,
  });
  w.write("stderr", "1\n2\n3\n");
  assert.deepEqual(r.drain(2), {
    chunks: [{ stream: "stderr", text: "2\n3\n" }],
    dropped: 0,
    skippedLines: 1,
  });
});
