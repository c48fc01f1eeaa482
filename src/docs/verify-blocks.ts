/**
 * Runs documented blocks for real — under the runner core (Pyodide) and under CPython — and says
 * how they differ from what the page declares and from the verified output on record. Shared by
 * `npm run test:snippets` and `npm run snippets:update`.
 */
import { runCpython, type ProcessRun } from "./cpython.ts";
import type { DocBlock } from "./python-fences.ts";
import { CLASSIC_TERMINAL, terminalStdio, withoutTiming } from "../runner/result.ts";
import type { ExpectedRun } from "./expected.ts";
import { endingOf, formatEnding } from "./fence-meta.ts";
import type { NodeRunner } from "./node-runner.ts";
import { normalise } from "./normalise.ts";
import { runAndCollect } from "./run-collect.ts";
import type { RunResult, TimelessResult } from "../runner/result.ts";
import { SNIPPET_FILE } from "../runner/paths.ts";

/** A real run of a block. */
export interface Observed {
  /** What its terminal received: stdout and stderr in the order written. */
  terminal: string;
  result: RunResult;
  /** The block declared no `stop-after` and was still running after `SAFETY_STOP_MS`. */
  timedOut: boolean;
}

/** Blocks without `stop-after` get SIGINT after this long, so a forgotten loop cannot hang checks. */
export const SAFETY_STOP_MS = 10_000;

/** When Stop is pressed on a block: its `stop-after`, else the safety stop. */
const stopAfter = (block: DocBlock): number => block.meta.stopAfterMs ?? SAFETY_STOP_MS;

/**
 * Runs a block in Pyodide on a colour terminal, as the page runs it, pressing Stop after
 * `stop-after` ms when the block asks for it.
 */
export async function runBlock(nodeRunner: NodeRunner, block: DocBlock): Promise<Observed> {
  try {
    const run = await runAndCollect(nodeRunner, block.source, {
      stopAfterMs: stopAfter(block),
      stdio: terminalStdio(CLASSIC_TERMINAL),
    });
    const timedOut = block.meta.stopAfterMs === null && run.result.interruptedAt !== null;
    return { terminal: run.terminal, result: run.result, timedOut };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${blockName(block)}: ${reason}`, { cause: error });
  }
}

/**
 * Runs a block under CPython on an 80 × 24 colour terminal (Ctrl+C after `stop-after`), paths
 * shown as the page's; its stdout is what the terminal received.
 */
export function runBlockCpython(python: string, block: DocBlock): Promise<ProcessRun> {
  return runCpython(python, block.source, { interruptAfterMs: stopAfter(block), terminal: true });
}

/** Where a block is, for people: `content/x/sys-exit.mdx, block 1 (line 9)`. */
export function blockName(block: DocBlock): string {
  return `${block.file}, block ${String(block.index)} (line ${String(block.fenceLine)})`;
}

/** Every way the real run disagrees with the page's declaration and the verified record. */
export function checkAgainstDeclaration(
  block: DocBlock,
  observed: Observed,
  expected: ExpectedRun | undefined,
): string[] {
  const name = blockName(block);
  const real = formatEnding(endingOf(observed.result));
  const problems = block.meta.errors.map((e) => `${name}: ${e}`);
  if (observed.timedOut) {
    problems.push(
      `${name}: still running after ${String(SAFETY_STOP_MS / 1000)} s, so it was interrupted. If the reader is meant to press Stop, say when with stop-after=MS.`,
    );
  }
  if (!block.meta.expect) {
    problems.push(
      `${name}: declares no ending. The real run ends \`${real}\`: add expect="${real}" to the fence, or mark it norun.`,
    );
  } else if (formatEnding(block.meta.expect) !== real) {
    problems.push(
      `${name}: the page declares \`${formatEnding(block.meta.expect)}\` but the real run ends \`${real}\`.`,
    );
  }
  if (!expected || expected.source !== block.source) {
    problems.push(
      `${name}: no verified output for this code. Run \`npm run snippets:update\` to record it.`,
    );
    return problems;
  }
  const recorded = formatEnding(endingOf(expected.result));
  if (recorded !== real) {
    problems.push(
      `${name}: the verified ending was \`${recorded}\`, the real run now ends \`${real}\`.`,
    );
  }
  if (expected.terminal !== observed.terminal) {
    problems.push(
      `${name}: the terminal's output differs from the verified one.\n--- verified\n${expected.terminal}\n--- now\n${observed.terminal}`,
    );
  }
  return problems;
}

/** Every way CPython disagrees with the runner on this block. */
export function checkAgainstCpython(
  block: DocBlock,
  observed: Observed,
  cpython: ProcessRun,
  version: string,
): string[] {
  const name = blockName(block);
  const problems: string[] = [];
  const ours = normalise(observed.terminal, SNIPPET_FILE);
  const theirs = normalise(cpython.stdout, SNIPPET_FILE);
  if (ours !== theirs) {
    problems.push(
      `${name}: the terminal's output differs from CPython ${version}'s.\n--- CPython\n${theirs}\n--- runner\n${ours}`,
    );
  }
  if (observed.result.exitCode !== cpython.status) {
    problems.push(
      `${name}: exit status ${String(observed.result.exitCode)} differs from CPython ${version}'s ${String(cpython.status)}.`,
    );
  }
  return problems;
}

/**
 * A run's result as the same program gives it every time: no timing, and, when Stop was pressed,
 * no line where SIGINT landed inside the loop (that depends on timing; the record keeps only that
 * it landed — so does the way out: the signal step, and the frames it left there, keep no line).
 */
export function stableResult(observed: RunResult, stopped: boolean): TimelessResult {
  const result = withoutTiming(observed);
  if (!stopped) return result;
  const landed = new Set(result.wayOut?.filter((s) => s.step === "signal").map((s) => s.line));
  const wayOut = result.wayOut?.map((s) =>
    landed.has(s.line) && (s.step === "signal" || s.step === "unwind") ? { ...s, line: null } : s,
  );
  return {
    ...result,
    line: null,
    interruptedAt: result.interruptedAt ? { line: null } : null,
    ...(wayOut && { wayOut }),
  };
}

/** The record to store for a block, from a real run. */
export function toExpected(block: DocBlock, observed: Observed): ExpectedRun {
  const result = stableResult(observed.result, block.meta.stopAfterMs !== null);
  return { source: block.source, terminal: observed.terminal, result };
}
