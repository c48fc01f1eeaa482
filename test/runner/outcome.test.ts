/** The pure rules that turn a driver report or a runtime death into a RunResult. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  classifyCrash,
  exitStatusOf,
  fromReport,
  fromRuntimeDeath,
} from "../../src/runner/outcome.ts";

const exitError = (status: number): Error =>
  Object.assign(new Error(`exit(${String(status)})`), { name: "Exit", status });

test("os._exit's Exit becomes an exit with its status masked like a shell's", () => {
  const r = fromRuntimeDeath(exitError(300), { kind: "os._exit", line: 3 }, 5);
  assert.deepEqual(r, {
    outcome: "exit",
    exitCode: 44,
    cause: "os._exit",
    line: 3,
    interruptedAt: null,
    durationMs: 5,
  });
});

test("SIG_DFL's exit is an interrupt with status 130", () => {
  const r = fromRuntimeDeath(exitError(130), { kind: "SIG_DFL", line: 2 }, 1);
  assert.equal(r.outcome, "interrupt");
  assert.equal(r.exitCode, 130);
  assert.deepEqual(r.interruptedAt, { line: 2 });
});

test("an exit nobody asked for, and other deaths, are crashes with codes", () => {
  assert.equal(fromRuntimeDeath(exitError(1), null, 0).outcome, "crash");
  assert.equal(
    classifyCrash(new RangeError("Maximum call stack size exceeded")).code,
    "stack-overflow",
  );
  assert.equal(classifyCrash(new Error("Aborted(OOM)")).code, "out-of-memory");
  assert.equal(classifyCrash(new Error("Pyodide already exited")).code, "runtime-exited");
  assert.equal(classifyCrash("weird").code, "runtime-error");
  assert.equal(exitStatusOf({ name: "Exit", status: 3 }), 3);
  assert.equal(exitStatusOf(new Error("x")), null);
});

test("a report's interrupt keeps the exception and defaults interruptedAt to its line", () => {
  const r = fromReport(
    {
      kind: "interrupt",
      status: 130,
      cause: "end",
      line: 4,
      exception: { type: "KeyboardInterrupt", message: "" },
      interrupted_at: null,
    },
    9,
  );
  assert.deepEqual(r, {
    durationMs: 9,
    line: 4,
    interruptedAt: { line: 4 },
    outcome: "interrupt",
    exitCode: 130,
    exception: { type: "KeyboardInterrupt", message: "" },
  });
});
