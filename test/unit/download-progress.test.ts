/** The runtime download's progress: counted in the bytes the page reads, against the build's sizes. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  Download,
  downloadText,
  type DownloadProgress,
} from "../../src/delivery/download-progress.ts";
import { SNAPSHOT_FILE } from "../../src/runner/paths.ts";

/** A response whose body arrives in `chunks`, with `headers`. */
function response(chunks: Uint8Array[], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers });
}

const bytes = (n: number, first = 0): Uint8Array => new Uint8Array(n).fill(first);
const gzip = (n: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0x1f : i === 1 ? 0x8b : 0));

const SIZES = {
  files: { "pyodide.asm.wasm": 300, [SNAPSHOT_FILE]: 100, "python_stdlib.zip": 50 },
  snapshotUnzipped: 500,
};

test("the total is the build's sizes from the start, and every step is counted", async () => {
  const download = new Download(SIZES);
  download.expect(["pyodide.asm.wasm", "python_stdlib.zip"]);
  const seen: DownloadProgress[] = [];
  download.listen((p) => seen.push(p));
  await download.count("pyodide.asm.wasm", response([bytes(100), bytes(100), bytes(100)]));
  assert.deepEqual(
    seen.map((p) => [p.loaded, p.total, p.done]),
    [
      [0, 350, false], // (heard at once: the files expected, none begun)
      [100, 350, false],
      [200, 350, false],
      [300, 350, false],
      [300, 350, false],
    ],
  );
  await download.count("python_stdlib.zip", response([bytes(50)]));
  assert.deepEqual(download.progress, { loaded: 350, total: 350, done: true });
});

test("a compressing host's Content-Length is not the size: the build's is", async () => {
  const download = new Download(SIZES);
  const seen: (number | null)[] = [];
  download.listen((p) => seen.push(p.total));
  // 300 decoded bytes that crossed the link as 120: counted as 300 of 300, never past 100%.
  await download.count(
    "pyodide.asm.wasm",
    response([bytes(150), bytes(150)], { "Content-Length": "120", "Content-Encoding": "gzip" }),
  );
  assert.deepEqual(seen, [300, 300, 300]);
});

test("the snapshot counts as its file's size, unzipped by the host or not: the total never changes", async () => {
  const asFile = new Download(SIZES);
  asFile.expect([SNAPSHOT_FILE]);
  const seen: [number, number | null][] = [];
  asFile.listen((p) => seen.push([p.loaded, p.total]));
  await asFile.count(SNAPSHOT_FILE, response([gzip(60), bytes(40)]));
  assert.deepEqual(seen, [
    [0, 100],
    [60, 100],
    [100, 100],
    [100, 100],
  ]);

  // The host sent it with Content-Encoding: gzip, so 500 unzipped bytes arrive: each counts 1/5.
  const unzippedByHost = new Download(SIZES);
  unzippedByHost.expect([SNAPSHOT_FILE]);
  const totals: [number, number | null][] = [];
  unzippedByHost.listen((p) => totals.push([p.loaded, p.total]));
  const body = await unzippedByHost.count(
    SNAPSHOT_FILE,
    response([bytes(250, 7), bytes(250, 7)], { "Content-Encoding": "gzip" }),
  );
  assert.equal(body.byteLength, 500, "the bytes themselves are all there");
  assert.deepEqual(totals, [
    [0, 100],
    [50, 100],
    [100, 100],
    [100, 100],
  ]);
});

test("without the build's sizes, Content-Length counts only when the host did not re-encode", async () => {
  const plain = new Download(null);
  const totals: (number | null)[] = [];
  plain.listen((p) => totals.push(p.total));
  await plain.count("x", response([bytes(10)], { "Content-Length": "10" }));
  assert.equal(totals[0], 10);

  const encoded = new Download(null);
  const unknown: (number | null)[] = [];
  encoded.listen((p) => unknown.push(p.total));
  await encoded.count(
    "x",
    response([bytes(10)], { "Content-Length": "4", "Content-Encoding": "br" }),
  );
  assert.equal(unknown[0], null);
});

test("a file that failed leaves the download done once every fetch has settled", () => {
  const download = new Download(SIZES);
  download.expect(["pyodide.asm.wasm", "python_stdlib.zip"]);
  assert.equal(download.progress.done, false);
  download.settled();
  assert.deepEqual(download.progress, { loaded: 0, total: 0, done: true });
});

test("the reader is told how much of how much, then what comes next", () => {
  assert.equal(
    downloadText({ loaded: 4_120_000, total: 18_600_000, done: false }),
    "Downloading Python: 4.1 of 18.6 MB (22%, once per visit)…",
  );
  assert.equal(
    downloadText({ loaded: 2_000_000, total: null, done: false }),
    "Downloading Python: 2.0 MB (once per visit)…",
  );
  assert.equal(downloadText({ loaded: 1, total: 1, done: true }), "Starting Python…");
});
