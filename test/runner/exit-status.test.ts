/** Exit status and halting line, as CPython and a shell would report them. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { articleBlock } from "../helpers/article-blocks.ts";
import { run } from "../helpers/runner.ts";

const SYS_EXIT_BLOCK = articleBlock("sys-exit.mdx").source;

test("a normal end is exit 0, cause end, no line", async () => {
  const { result, stdout } = await run('print("hi")');
  assert.equal(stdout, "hi\n");
  assert.deepEqual(
    { outcome: result.outcome, exitCode: result.exitCode, line: result.line },
    { outcome: "exit", exitCode: 0, line: null },
  );
  assert.ok(result.outcome === "exit");
  assert.equal(result.cause, "end");
});

test("the article's sys.exit block exits 0 at its first sys.exit, line 4", async () => {
  const { result, stderr } = await run(SYS_EXIT_BLOCK);
  assert.equal(result.outcome, "exit");
  assert.equal(result.exitCode, 0);
  assert.equal(result.line, 4);
  assert.equal(result.cause, "SystemExit");
  assert.equal(stderr, "");
});

for (const [call, status, stderr] of [
  ["sys.exit()", 0, ""],
  ["sys.exit(None)", 0, ""],
  ["sys.exit(3)", 3, ""],
  ["sys.exit(256)", 0, ""],
  ["sys.exit(-1)", 255, ""],
  ["sys.exit(True)", 1, ""],
  ['sys.exit("bye")', 1, "bye\n"],
  ["sys.exit([1])", 1, "[1]\n"],
  ["exit(4)", 4, ""],
  ["quit()", 0, ""],
  ["raise SystemExit(5)", 5, ""],
] as const) {
  test(`${call} -> status ${String(status)}`, async () => {
    const { result, stderr: err } = await run(`import sys\n${call}\n`);
    assert.equal(result.outcome, "exit");
    assert.equal(result.exitCode, status);
    assert.equal(result.line, 2);
    assert.equal(err, stderr);
  });
}

test("os._exit ends at once: status n, no finally, no atexit, line of the call", async () => {
  const { result, stdout } = await run(
    `import atexit, os
atexit.register(print, "atexit")
try:
    print("before")
    os._exit(7)
finally:
    print("finally")
`,
  );
  assert.equal(stdout, "before\n");
  assert.deepEqual(
    { outcome: result.outcome, exitCode: result.exitCode, line: result.line },
    { outcome: "exit", exitCode: 7, line: 5 },
  );
  assert.ok(result.outcome === "exit");
  assert.equal(result.cause, "os._exit");
});

test("after os._exit the next run gets a working interpreter by itself", async () => {
  await run("import os\nos._exit(0)");
  const { result, stdout } = await run("print(6 * 7)");
  assert.equal(stdout, "42\n");
  assert.equal(result.outcome, "exit");
});

test("atexit runs after a normal end and after sys.exit, keeping the status", async () => {
  const normal = await run('import atexit\natexit.register(print, "bye")\nprint("body")');
  assert.equal(normal.stdout, "body\nbye\n");
  const exited = await run('import atexit, sys\natexit.register(print, "bye")\nsys.exit(3)');
  assert.equal(exited.stdout, "bye\n");
  assert.equal(exited.result.exitCode, 3);
});

test("an error in an atexit handler prints CPython's message and keeps the status", async () => {
  const { result, stderr } = await run(
    'import atexit, sys\ndef bad():\n    raise ValueError("x")\natexit.register(bad)\nsys.exit(2)',
  );
  assert.equal(result.exitCode, 2);
  // Python 3.14's wording (3.13 has the same text in this case; see the parity corpus).
  assert.match(stderr, /^Exception ignored in atexit callback <function bad at 0x[0-9a-f]+>:\n/);
  assert.match(stderr, /ValueError: x\n$/);
});
