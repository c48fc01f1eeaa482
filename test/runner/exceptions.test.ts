/** Uncaught exceptions: CPython's traceback text, no runner frames, status 1, the halting line. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { articleBlock } from "../helpers/article-blocks.ts";
import { FILE, run } from "../helpers/runner.ts";

const CUSTOM_EXCEPTION_BLOCK = articleBlock("custom-exception.mdx").source;

test("the article's custom exception: traceback of the snippet only, status 1, line 5", async () => {
  const { result, stderr, stdout } = await run(CUSTOM_EXCEPTION_BLOCK);
  assert.equal(stdout, "");
  assert.equal(
    stderr,
    `Traceback (most recent call last):
  File "${FILE}", line 5, in <module>
    raise MyCustomError("Something went wrong")
MyCustomError: Something went wrong
`,
  );
  assert.equal(result.outcome, "exception");
  assert.equal(result.exitCode, 1);
  assert.equal(result.line, 5);
  assert.deepEqual(result.exception, {
    type: "MyCustomError",
    message: "Something went wrong",
  });
});

test("no runner or Pyodide frames in any traceback", async () => {
  const { stderr } = await run(
    "def f():\n    raise ValueError('a')\ntry:\n    f()\nexcept ValueError as e:\n    raise KeyError('b') from e",
  );
  assert.doesNotMatch(stderr, /<runner>|_pyodide|pyodide\.asm|\.ts"|\.mjs"/);
  assert.match(stderr, /The above exception was the direct cause of the following exception:/);
  assert.equal((stderr.match(/Traceback \(most recent call last\):/g) ?? []).length, 2);
});

test("a SyntaxError shows the caret and names its line", async () => {
  const { result, stderr } = await run("print('ok')\nvalues = [1, 2,\n");
  assert.equal(result.outcome, "exception");
  assert.equal(result.line, 2);
  assert.match(
    stderr,
    new RegExp(
      `^  File "${FILE}", line 2\\n    values = \\[1, 2,\\n +\\^\\nSyntaxError: '\\[' was never closed\\n$`,
    ),
  );
  assert.deepEqual(result.exception, {
    type: "SyntaxError",
    message: "'[' was never closed",
  });
});

test("recursion reports CPython's repeat count: the module frame is the bottom frame", async () => {
  const { stderr } = await run("def f(n):\n    return f(n + 1)\nf(0)");
  assert.match(
    stderr,
    /\[Previous line repeated 996 more times\]\nRecursionError: maximum recursion depth exceeded\n$/,
  );
  const depth = await run("import inspect\nprint(len(inspect.stack()))");
  assert.equal(depth.stdout, "1\n");
});

test("'Did you mean' hints are kept", async () => {
  const { stderr } = await run("counter = 1\nprint(countr)");
  assert.match(stderr, /NameError: name 'countr' is not defined\. Did you mean: 'counter'\?\n$/);
});

test("sys.excepthook set by the script is honoured", async () => {
  const { stderr, result } = await run(
    "import sys\nsys.excepthook = lambda t, v, tb: print('hooked', v, file=sys.stderr)\nraise OSError('disk')",
  );
  assert.equal(stderr, "hooked disk\n");
  assert.equal(result.exitCode, 1);
});
