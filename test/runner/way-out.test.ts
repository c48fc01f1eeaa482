/**
 * The way out is taken from the run: what started the end, each handler that ran (with the line
 * of its keyword), each frame left, the atexit handlers — and, after os._exit, what never ran.
 * (The parity suite checks the same accounts against CPython's; these check what they say.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { run } from "../helpers/runner.ts";

const steps = (wayOut: unknown): string[] =>
  ((wayOut ?? []) as { step: string; ran: boolean; line: number | null; name: string }[]).map(
    (s) => `${s.step} ${s.ran ? "ran" : "never ran"} ${String(s.line)} ${s.name}`,
  );

const EXIT_IN_FINALLY = `import atexit, sys

def bye():
    print("bye")

def work():
    try:
        sys.exit(2)
    finally:
        print("finally")

atexit.register(bye)
work()
`;

test("sys.exit in a function's try/finally: the finally, the frames, then atexit", async () => {
  const { result, stdout } = await run(EXIT_IN_FINALLY);
  assert.equal(result.exitCode, 2);
  assert.equal(stdout, "finally\nbye\n");
  assert.deepEqual(steps(result.wayOut), [
    "start ran 8 sys.exit(2) called",
    "finally ran 9 finally",
    "unwind ran 8 work",
    "unwind ran 13 <module>",
    "atexit ran 12 bye",
  ]);
});

test("os._exit in the same place: the finally and atexit are pending and never run", async () => {
  const { result, stdout } = await run(
    EXIT_IN_FINALLY.replace("sys.exit(2)", "os._exit(2)").replace(
      "import atexit, sys",
      "import atexit, os",
    ),
  );
  assert.equal(result.exitCode, 2);
  assert.equal(stdout, "");
  assert.deepEqual(steps(result.wayOut), [
    "start ran 8 os._exit(2) called",
    "finally never ran 9 finally",
    "atexit never ran 12 bye",
  ]);
});

test("an exception through a with block: its __exit__ ran, an unmatched except is not listed", async () => {
  const source = `class Door:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("closed")

try:
    with Door():
        raise KeyError("k")
except ValueError:
    pass
`;
  const { result } = await run(source);
  assert.equal(result.outcome, "exception");
  assert.deepEqual(steps(result.wayOut), [
    "start ran 9 KeyError raised",
    "with ran 8 Door()",
    "unwind ran 9 <module>",
  ]);
});

test("Stop in the article's loop: SIGINT lands in the loop, the except on line 5 handles it", async () => {
  const source = `try:
    while True:
        # do some work here
        pass
except KeyboardInterrupt:
    # stop the script gracefully on Ctrl+C
    print("User interrupted the script")
`;
  const { result } = await run(source, { interruptAfterMs: 200 });
  assert.equal(result.exitCode, 0);
  const [signal, handled, ...rest] = steps(result.wayOut);
  assert.match(signal ?? "", /^signal ran [24] SIGINT delivered$/);
  assert.equal(handled, "except ran 5 except KeyboardInterrupt");
  assert.deepEqual(rest, []);
});

test("a normal end says so; a caught exception along the way is not the way out", async () => {
  const { result } = await run("try:\n    int('x')\nexcept ValueError:\n    pass\nprint('done')\n");
  assert.deepEqual(steps(result.wayOut), ["start ran null the last line finished"]);
});

test("os._exit after a partial line: the byte still buffered is lost, and the account says so", async () => {
  const { result, stdout } = await run('print("x", end="")\nimport os\nos._exit(0)\n', {
    stdio: {
      terminal: { stdin: true, stdout: true, stderr: true },
      unbuffered: false,
      env: { vars: {}, only: false },
    },
  });
  assert.equal(stdout, "");
  assert.deepEqual(steps(result.wayOut), [
    "start ran 3 os._exit(0) called",
    "flush never ran null stdout: 1 byte never written",
  ]);
  assert.equal((result.wayOut ?? [])[1]?.text, "x");
});

test("each step's own output is tied to it: the finally's, the except's, each atexit handler's", async () => {
  const source = `import atexit, sys

def first():
    print("first handler")

atexit.register(print, "a builtin handler")
atexit.register(first)

def work():
    try:
        raise KeyError("k")
    finally:
        print("in finally")

try:
    print("before")
    work()
except KeyError:
    print("caught ✓")
    sys.exit("bye")
`;
  const { result, stdout } = await run(source);
  assert.equal(stdout, "before\nin finally\ncaught ✓\nfirst handler\na builtin handler\n");
  const printed = (result.wayOut ?? []).map(
    (s) => `${s.step} ${String(s.line)} ${JSON.stringify(s.printed)}`,
  );
  assert.deepEqual(printed, [
    "start 11 undefined",
    'finally 12 "in finally\\n"',
    "unwind 11 undefined",
    // The except's output, up to the end of the program's code (sys.exit's "bye" is the end's).
    'except 18 "caught ✓\\n"',
    "start 20 undefined",
    "unwind 20 undefined",
    // A builtin handler cannot be watched: the one before it ends at its own return.
    'atexit 7 "first handler\\n"',
    "atexit 6 undefined",
  ]);
});
