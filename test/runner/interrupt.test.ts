/** SIGINT through the interrupt buffer: KeyboardInterrupt, handlers, finally, prompt sleeps. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { sendSigint } from "../../src/channels/interrupt.ts";
import { articleBlock } from "../helpers/article-blocks.ts";
import { FILE, interruptBuffer, run } from "../helpers/runner.ts";

const KEYBOARD_INTERRUPT_BLOCK = articleBlock("keyboard-interrupt.mdx").source;

test("the article's KeyboardInterrupt block: Stop -> handled, exit 0, interrupted in the loop", async () => {
  const { result, stdout } = await run(KEYBOARD_INTERRUPT_BLOCK, { interruptAfterMs: 200 });
  assert.equal(stdout, "User interrupted the script\n");
  assert.equal(result.outcome, "exit");
  assert.equal(result.exitCode, 0);
  assert.ok(result.interruptedAt, "interruptedAt should be set");
  assert.ok(
    [2, 3, 4].includes(result.interruptedAt.line ?? -1),
    `line ${String(result.interruptedAt.line)}`,
  );
});

test("an unhandled interrupt in a loop is status 130 with a traceback; finally runs", async () => {
  const { result, stdout, stderr } = await run(
    "try:\n    while True: pass\nfinally:\n    print('finally')",
    {
      interruptAfterMs: 200,
    },
  );
  assert.equal(stdout, "finally\n");
  assert.equal(result.outcome, "interrupt");
  assert.equal(result.exitCode, 130);
  assert.equal(result.line, 2);
  assert.match(
    stderr,
    new RegExp(
      `^Traceback \\(most recent call last\\):\\n  File "${FILE}", line 2, in <module>\\n`,
    ),
  );
  assert.match(stderr, /\nKeyboardInterrupt\n$/);
});

test("time.sleep(30) is interrupted promptly (well under a second)", async () => {
  const { result, stderr } = await run("import time\ntime.sleep(30)", { interruptAfterMs: 200 });
  assert.equal(result.outcome, "interrupt");
  assert.equal(result.line, 2);
  assert.ok(result.durationMs < 800, `took ${String(result.durationMs)} ms`);
  assert.doesNotMatch(stderr, /<runner>|\.ts"|\.mjs"/);
});

test("a SIGINT handler installed with signal.signal runs, and sleep resumes after it", async () => {
  const { result, stdout } = await run(
    "import signal, time\nsignal.signal(signal.SIGINT, lambda s, f: print('handler', s))\nt = time.monotonic()\ntime.sleep(0.6)\nprint(time.monotonic() - t >= 0.6)",
    { interruptAfterMs: 150 },
  );
  assert.equal(stdout, "handler 2\nTrue\n");
  assert.equal(result.outcome, "exit");
  assert.equal(result.interruptedAt?.line, 4);
});

test("SIG_DFL dies at once with status 130 and no traceback", async () => {
  const { result, stdout, stderr } = await run(
    "import signal\nsignal.signal(signal.SIGINT, signal.SIG_DFL)\ntry:\n    while True: pass\nfinally:\n    print('no')",
    { interruptAfterMs: 150 },
  );
  assert.equal(result.outcome, "interrupt");
  assert.equal(result.exitCode, 130);
  assert.equal(stdout + stderr, "");
});

test("a Stop pressed after the program ended does not leak into the next run", async () => {
  const first = await run("print('quick')");
  assert.equal(first.result.outcome, "exit");
  sendSigint(interruptBuffer);
  const second = await run("import time\ntime.sleep(0.2)\nprint('slept')");
  assert.equal(second.stdout, "slept\n");
  assert.equal(second.result.outcome, "exit");
  assert.equal(second.result.interruptedAt, null);
});

test("SIGINT the moment the program starts reaches the program, not the runner's start-up", async () => {
  // As Ctrl+C right after launching python3: KeyboardInterrupt in the program's own frame, 130.
  for (let i = 0; i < 5; i += 1) {
    const { result, stderr } = await run("n = 0\nwhile True:\n    n += 1\n", {
      interruptAfterMs: 0,
    });
    assert.equal(result.outcome, "interrupt", stderr);
    assert.equal(result.exitCode, 130);
    assert.doesNotMatch(stderr, /<runner>|pyodide|Error:/);
    assert.match(stderr, new RegExp(`^Traceback \\(most recent call last\\):\\n  File "${FILE}"`));
    assert.match(stderr, /\nKeyboardInterrupt\n$/);
  }
});
