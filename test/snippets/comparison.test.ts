/**
 * The comparison table's cells come from real runs: changing a probe changes its cell, and every
 * cell agrees with CPython running the same probe.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { QUESTIONS, WAYS, compareWays, probeSource, type Way } from "../../src/docs/comparison.ts";
import { newestCpython, runCpython } from "../../src/docs/cpython.ts";
import { SAFETY_STOP_MS } from "../../src/docs/verify-blocks.ts";
import { wayOutItems } from "../../src/runner/way-out-words.ts";

const cpython = newestCpython();

test("changing a probe's program changes its cell", async () => {
  const status = QUESTIONS.filter((q) => q.id === "status" || q.id === "finally");
  const changed: Way[] = [
    { id: "sys-exit", label: "sys.exit()", prelude: "import sys", halt: "sys.exit(3)" },
    { id: "no-halt", label: "no halt", prelude: "", halt: "pass" },
  ];
  const rows = await compareWays(changed, status);
  assert.deepEqual(
    rows.map((row) => row.map((c) => c.answer)),
    [
      ["3", "0"],
      ["yes", "yes"],
    ],
  );
});

test("each cell links to the step of its probe's way out that says the same", async () => {
  const rows = await compareWays();
  const said: string[] = [];
  for (const cell of rows.flat()) {
    const steps = wayOutItems(cell.run.result);
    const proof = steps[cell.proof];
    assert.ok(proof, `${cell.id}: no step ${String(cell.proof)}`);
    const ran = proof.ran ? "ran" : "never ran";
    said.push(`${cell.id}: ${cell.answer} ← ${proof.step} ${ran}`);
  }
  assert.deepEqual(said, [
    "probe-sys-exit-status: 1 ← exit ran",
    "probe-os-exit-status: 1 ← exit ran",
    "probe-custom-exception-status: 1 ← exit ran",
    "probe-keyboard-interrupt-status: 130 ← exit ran",
    "probe-sys-exit-finally: yes ← finally ran",
    "probe-os-exit-finally: no ← finally never ran",
    "probe-custom-exception-finally: yes ← finally ran",
    "probe-keyboard-interrupt-finally: yes ← finally ran",
    "probe-sys-exit-atexit: yes ← atexit ran",
    "probe-os-exit-atexit: no ← atexit never ran",
    "probe-custom-exception-atexit: yes ← atexit ran",
    "probe-keyboard-interrupt-atexit: yes ← atexit ran",
    "probe-sys-exit-flush: yes ← flush ran",
    "probe-os-exit-flush: no ← flush never ran",
    "probe-custom-exception-flush: yes ← flush ran",
    "probe-keyboard-interrupt-flush: yes ← flush ran",
    "probe-sys-exit-catch: yes ← except ran",
    "probe-os-exit-catch: no ← start ran",
    "probe-custom-exception-catch: yes ← except ran",
    "probe-keyboard-interrupt-catch: yes ← except ran",
    "probe-sys-exit-traceback: no ← exit ran",
    "probe-os-exit-traceback: no ← exit ran",
    "probe-custom-exception-traceback: yes ← exit ran",
    "probe-keyboard-interrupt-traceback: yes ← exit ran",
  ]);
});

test("every cell of the table agrees with CPython running the same probe", async () => {
  const rows = await compareWays();
  const answers = rows.map((row) => row.map((c) => c.answer));
  assert.deepEqual(answers[0], ["1", "1", "1", "130"]);
  for (const row of rows) {
    for (const cell of row) {
      const theirs = await runCpython(cpython.python, probeSource(cell.way, cell.question), {
        interruptAfterMs: cell.way.stopAfterMs ?? SAFETY_STOP_MS,
      });
      const answer = cell.question.answer({
        stdout: theirs.stdout,
        stderr: theirs.stderr,
        result: {
          outcome: "exit",
          exitCode: theirs.status,
          cause: "end",
          line: null,
          interruptedAt: null,
          durationMs: 0,
        },
      });
      assert.equal(
        cell.answer,
        answer,
        `${cell.id}: runner says ${cell.answer}, CPython ${cpython.version} says ${answer}`,
      );
    }
  }
  assert.equal(WAYS.length * QUESTIONS.length, rows.flat().length);
});
