import { test } from "node:test";
import assert from "node:assert/strict";
import { parseArgs } from "../../src/cli/args.ts";

test("file and flags parse; defaults hold", () => {
  assert.deepEqual(parseArgs(["a.py", "--interrupt-after", "300", "--json"]), {
    file: "a.py",
    interruptAfterMs: 300,
    sends: [],
    interruptAtLine: null,
    graceMs: 2000,
    json: true,
    resultFile: null,
    snapshotCache: true,
    unbuffered: false,
  });
  assert.equal(parseArgs(["--no-snapshot-cache", "b.py", "--grace", "50"]).graceMs, 50);
  assert.equal(parseArgs(["-u", "b.py"]).unbuffered, true);
  assert.deepEqual(parseArgs(["b.py", "--send", "TERM@500", "--send", "SIGKILL@900"]).sends, [
    { signal: "SIGTERM", afterMs: 500 },
    { signal: "SIGKILL", afterMs: 900 },
  ]);
  assert.equal(parseArgs(["b.py", "--interrupt-at-line", "5"]).interruptAtLine, 5);
  assert.equal(parseArgs(["b.py", "--result", "out.json"]).resultFile, "out.json");
});

test("bad arguments are errors a person can read", () => {
  assert.throws(() => parseArgs([]), /missing FILE\.py/);
  assert.throws(() => parseArgs(["a.py", "--interrupt-after"]), /--interrupt-after needs a number/);
  assert.throws(() => parseArgs(["a.py", "--bogus"]), /unknown option --bogus/);
  assert.throws(() => parseArgs(["a.py", "b.py"]), /only one FILE\.py/);
  assert.throws(() => parseArgs(["a.py", "--send", "HUP@5"]), /INT, TERM, KILL/);
  assert.throws(() => parseArgs(["a.py", "--send", "TERM"]), /SIG@MS/);
  assert.throws(() => parseArgs(["a.py", "--interrupt-at-line", "0"]), /a line number/);
  assert.throws(() => parseArgs(["a.py", "--result"]), /--result needs a file name/);
});
