/**
 * "Comparing the four ways": small probe programs, one per way of halting and per question, run
 * for real through the runner core (at build time, in Node). Every cell of the comparison table
 * is read off a run, never typed by hand; `comparison-loader.ts` hands the cells to the page.
 * Each probe runs on the docs' terminal, and its cell links to the step of its way out that
 * proves the answer (`proof`).
 */
import type { ShownRun } from "../components/block-markup.ts";
import { wayOutItems } from "../runner/way-out-words.ts";
import {
  CLASSIC_TERMINAL,
  terminalStdio,
  type RunResult,
  type WayOutKind,
} from "../runner/result.ts";
import { createNodeRunner, type NodeRunner } from "./node-runner.ts";
import { withoutColour } from "./normalise.ts";
import { runAndCollect } from "./run-collect.ts";
import { stableResult } from "./verify-blocks.ts";

/** One way of halting a script. */
export interface Way {
  id: string;
  label: string;
  /** Lines run before the probe (imports, class definitions). */
  prelude: string;
  /** The statement(s) that halt the program. */
  halt: string;
  /** Press Stop this long after the start (for KeyboardInterrupt). */
  stopAfterMs?: number;
}

/** One question asked of every way. */
export interface Question {
  id: string;
  label: string;
  /** The probe program, given the way's halting statement(s). */
  probe: (halt: string) => string;
  /** Reads the answer off the run. */
  answer: (run: { stdout: string; stderr: string; result: RunResult }) => string;
  /** The way-out steps that prove an answer, the first found wins (the exit status if none). */
  proof: WayOutKind[];
}

const indent = (code: string): string =>
  code
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
const yesNo = (b: boolean): string => (b ? "yes" : "no");

export const WAYS: Way[] = [
  { id: "sys-exit", label: "sys.exit()", prelude: "import sys", halt: "sys.exit(1)" },
  { id: "os-exit", label: "os._exit()", prelude: "import os", halt: "os._exit(1)" },
  {
    id: "custom-exception",
    label: "a custom exception",
    prelude: "class MyCustomError(Exception):\n    pass",
    halt: 'raise MyCustomError("Something went wrong")',
  },
  {
    id: "keyboard-interrupt",
    label: "KeyboardInterrupt (Stop)",
    prelude: "",
    halt: "while True:\n    pass",
    stopAfterMs: 300,
  },
];

export const QUESTIONS: Question[] = [
  {
    id: "status",
    label: "Exit status",
    probe: (halt) => halt,
    answer: ({ result }) => String(result.exitCode),
    proof: ["exit"],
  },
  {
    id: "finally",
    label: "finally blocks run",
    probe: (halt) => `try:\n${indent(halt)}\nfinally:\n    print("finally ran")`,
    answer: ({ stdout }) => yesNo(stdout.includes("finally ran")),
    proof: ["finally"],
  },
  {
    id: "atexit",
    label: "atexit handlers run",
    probe: (halt) => `import atexit\natexit.register(print, "atexit handler ran")\n${halt}`,
    answer: ({ stdout }) => yesNo(stdout.includes("atexit handler ran")),
    proof: ["atexit"],
  },
  {
    id: "flush",
    label: "Buffered output is flushed",
    probe: (halt) =>
      `import io, sys\nsys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding="utf-8")\nprint("buffered text")\n${halt}`,
    answer: ({ stdout }) => yesNo(stdout.includes("buffered text")),
    proof: ["flush"],
  },
  {
    id: "catch",
    label: "Surrounding code can catch it",
    probe: (halt) =>
      `try:\n${indent(halt)}\nexcept BaseException as e:\n    print("caught", type(e).__name__)\n    raise`,
    answer: ({ stdout }) => yesNo(stdout.includes("caught")),
    // The except re-raises, so the way out shows it caught the end and let it go on; os._exit
    // raises nothing: what started the end says why no except could catch it.
    proof: ["except", "start"],
  },
  {
    id: "traceback",
    label: "A traceback is printed",
    probe: (halt) => halt,
    answer: ({ stderr }) =>
      yesNo(withoutColour(stderr).includes("Traceback (most recent call last)")),
    proof: ["exit"],
  },
];

/** One cell: the answer, the probe that produced it and its run. */
export interface Cell {
  id: string;
  way: Way;
  question: Question;
  source: string;
  answer: string;
  /** The probe's run, as its block shows it before the reader runs it. */
  run: ShownRun;
  /** The index, in the run's way out (`wayOutItems`), of the step that proves the answer. */
  proof: number;
}

/** The first item of `result`'s way out whose step is in `kinds` (in their order), or the exit. */
export function proofStep(result: ShownRun["result"], kinds: WayOutKind[]): number {
  const items = wayOutItems(result);
  for (const kind of kinds) {
    const at = items.findIndex((item) => item.step === kind);
    if (at !== -1) return at;
  }
  return items.length - 1;
}

/** The full program a cell runs. */
export function probeSource(way: Way, question: Question): string {
  return `${way.prelude ? `${way.prelude}\n\n` : ""}${question.probe(way.halt)}\n`;
}

/** Runs every probe; rows are questions, columns are ways. */
export async function compareWays(
  ways: Way[] = WAYS,
  questions: Question[] = QUESTIONS,
  nodeRunner: NodeRunner = createNodeRunner(),
): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  for (const question of questions) {
    const row: Cell[] = [];
    for (const way of ways) {
      const source = probeSource(way, question);
      const run = await runAndCollect(nodeRunner, source, {
        stopAfterMs: way.stopAfterMs ?? null,
        stdio: terminalStdio(CLASSIC_TERMINAL),
      });
      const result = stableResult(run.result, way.stopAfterMs !== undefined);
      row.push({
        id: `probe-${way.id}-${question.id}`,
        way,
        question,
        source,
        answer: question.answer(run),
        run: { source, terminal: run.terminal, result },
        proof: proofStep(result, question.proof),
      });
    }
    rows.push(row);
  }
  return rows;
}
