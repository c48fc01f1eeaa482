/**
 * The comparison table's cells come from real runs: changing a probe changes its cell, and every
 * cell agrees with CPython running the same probe.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { QUESTIONS, WAYS, compareWays, probeSource, type Way } from "../../src/docs/comparison.ts";
import { newestCpython, runCpython } from "../../src/docs/cpython.ts";
import { SAFETY_STOP_MS } from "../../src/docs/verify-blocks.ts";

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
