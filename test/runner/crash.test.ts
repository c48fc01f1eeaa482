/** Fatal runtime failures end the run as a `crash` with a clear message; the next run works. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { run } from "../helpers/runner.ts";

test("a fatal runtime error mid-run is a crash with a clear message; the next run works", async () => {
  // Pyodide's own fatal-error path, reached the way a real wasm stack overflow reaches it.
  const { result, stdout } = await run(
    'import js, pyodide_js\nprint("before")\npyodide_js._api.fatal_error(js.RangeError.new("Maximum call stack size exceeded"))\nprint("after")',
  );
  assert.match(stdout, /^before\n/);
  assert.doesNotMatch(stdout, /after/);
  assert.equal(result.outcome, "crash");
  assert.equal(result.exitCode, 134);
  assert.equal(result.code, "stack-overflow");
  assert.match(result.message, /exhausted the interpreter's stack/);
  const next = await run("print('alive')");
  assert.equal(next.stdout, "alive\n");
  assert.equal(next.result.outcome, "exit");
});

test("posix._exit is os._exit: an exit, not a crash", async () => {
  const { result } = await run("import posix\nposix._exit(9)");
  assert.equal(result.outcome, "exit");
  assert.equal(result.exitCode, 9);
});

test("running out of Python memory is an ordinary MemoryError, and the next run works", async () => {
  const { result } = await run(
    "chunks = []\nwhile True:\n    chunks.append(bytearray(200 * 1024**2))",
  );
  assert.equal(result.outcome, "exception");
  assert.deepEqual(result.exception.type, "MemoryError");
  const next = await run("print('alive')");
  assert.equal(next.stdout, "alive\n");
});
