/**
 * Signals through the runner's own CLI, as a shell's `kill` sends them: SIGTERM's default action
 * and handlers, SIGKILL (answered by the driver with what never ran, or forced on a program stuck
 * in C code), a program signalling itself, and SIGINT at a chosen line. (The parity suite compares
 * the same endings with CPython's under a real `kill`; these check the way out they leave.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runProcess } from "../../src/docs/cpython.ts";
import type { RunResult } from "../../src/runner/result.ts";

const cli = new URL("../../src/cli/snippet.ts", import.meta.url).pathname;

async function snippet(
  source: string,
  flags: string[],
): Promise<{ result: RunResult; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "signals-"));
  try {
    const file = join(dir, "snippet.py");
    writeFileSync(file, source);
    const run = await runProcess(process.execPath, [cli, file, "--json", ...flags]);
    return JSON.parse(run.stdout) as { result: RunResult; stdout: string; stderr: string };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const steps = (result: RunResult): string[] =>
  (result.wayOut ?? []).map((s) => `${s.step} ${s.ran ? "ran" : "never ran"} ${s.name}`);

const LOOP = `import atexit, time
atexit.register(print, "atexit")
try:
    print("working", flush=True)
    while True:
        time.sleep(0.02)
finally:
    print("finally")
`;

test("SIGTERM's default action: ended at once (143), the finally and atexit never ran", async () => {
  const { result, stdout } = await snippet(LOOP, ["--send", "TERM@300"]);
  assert.equal(result.outcome, "signal");
  assert.equal(result.exitCode, 143);
  assert.equal("signal" in result && result.signal, "SIGTERM");
  assert.equal(stdout, "working\n");
  assert.deepEqual(steps(result), [
    "signal ran SIGTERM delivered (its default action: end at once)",
    "finally never ran finally",
    "atexit never ran print",
  ]);
});

test("SIGKILL on a Python loop: the driver names what never ran, then ends (137)", async () => {
  const { result } = await snippet(LOOP.replace("time.sleep(0.02)", "pass"), [
    "--send",
    "KILL@300",
  ]);
  assert.equal(result.outcome, "killed");
  assert.equal(result.exitCode, 137);
  assert.equal("reason" in result && result.reason, "SIGKILL was sent to it");
  assert.deepEqual(steps(result), [
    "kill ran SIGKILL delivered: ended at once",
    "finally never ran finally",
    "atexit never ran print",
  ]);
});

test("SIGKILL on a loop in C code: nobody can answer, the thread is terminated (137)", async () => {
  const { result } = await snippet("print(sum(range(10**15)))\n", ["--send", "KILL@300"]);
  assert.equal(result.outcome, "killed");
  assert.equal(result.exitCode, 137);
  assert.equal(result.wayOut, undefined);
});

test("a program signals itself: raise_signal runs its handler there; os.kill SIGKILL ends it", async () => {
  const source = `import os, signal
signal.signal(signal.SIGTERM, lambda n, f: print("handler", signal.Signals(n).name))
signal.raise_signal(signal.SIGTERM)
print("went on")
os.kill(os.getpid(), signal.SIGKILL)
print("never")
`;
  // -u: into a pipe, block-buffered stdout would lose both lines at SIGKILL (as CPython's does),
  // whatever PYTHONUNBUFFERED the machine has.
  const { result, stdout } = await snippet(source, ["-u"]);
  assert.equal(stdout, "handler SIGTERM\nwent on\n");
  assert.equal(result.exitCode, 137);
  assert.equal(result.wayOut?.[0]?.line, 5);
});

test("SIGINT at a line inside a function, the first time it is reached; a line never reached does nothing", async () => {
  const source = `def greet(n):
    print("hello", n)

try:
    for n in range(3):
        greet(n)
finally:
    print("finally")
`;
  const hit = await snippet(source, ["--interrupt-at-line", "2"]);
  assert.equal(hit.result.exitCode, 130);
  assert.equal(hit.stdout, "finally\n");
  assert.match(hit.stderr, /line 2, in greet[\s\S]*KeyboardInterrupt/);
  assert.equal(hit.result.wayOut?.[0]?.name, "SIGINT delivered when line 2 starts");
  const missed = await snippet(source, ["--interrupt-at-line", "9"]);
  assert.equal(missed.result.exitCode, 0);
  assert.equal(missed.stdout, "hello 0\nhello 1\nhello 2\nfinally\n");
});

test("a SIGTERM handler that returns: the way out says so, with the handler's own output", async () => {
  const source = `import signal, time
seen = []
def on_term(signum, frame):
    print("handler")
    seen.append(signum)
signal.signal(signal.SIGTERM, on_term)
while not seen:
    time.sleep(0.02)
print("went on")
`;
  const { result, stdout } = await snippet(source, ["-u", "--send", "TERM@300"]);
  assert.equal(result.exitCode, 0);
  assert.equal(stdout, "handler\nwent on\n");
  const [signal, start] = result.wayOut ?? [];
  assert.ok(signal && start);
  assert.equal(signal.name, "SIGTERM delivered: its handler returned, and the program went on");
  assert.equal(signal.printed, "handler\n");
  assert.equal(start.name, "the last line finished");
});
