/**
 * Runs documented blocks for real — under the runner core (Pyodide) and under CPython — and says
 * how they differ from what the page declares and from the verified output on record. Shared by
 * `npm run test:snippets` and `npm run snippets:update`.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatExpectation } from "./fence-meta.ts";
import type { RunResult } from "../runner/result.ts";
import type { Runner } from "../runner/runner.ts";
import { SNIPPET_FILE } from "../runner/paths.ts";
import type { DocBlock } from "./doc-blocks.ts";
import { withoutTiming, type ExpectedRun } from "./expected.ts";
import { interrupter } from "./interrupter.ts";
import { normalise } from "./normalise.ts";

/** A real run of a block. */
export interface Observed {
  stdout: string;
  stderr: string;
  result: RunResult;
  /** The block declared no `stop-after` and was still running after `SAFETY_STOP_MS`. */
  timedOut: boolean;
}

/** Blocks without `stop-after` get SIGINT after this long, so a forgotten loop cannot hang checks. */
export const SAFETY_STOP_MS = 10_000;

/** The ending of a result in `expect=` words (`exit 0`, `exception ValueError`, …). */
export function endingOf(result: RunResult | ExpectedRun["result"]): string {
  switch (result.outcome) {
    case "exit":
      return `exit ${String(result.exitCode)}`;
    case "exception":
      return `exception ${result.exception.type}`;
    case "interrupt":
    case "killed":
    case "crash":
      return result.outcome;
  }
}

/** Runs a block in Pyodide, pressing Stop after `stop-after` ms when the block asks for it. */
export async function runBlock(
  runner: Runner,
  buffer: Int32Array,
  block: DocBlock,
): Promise<Observed> {
  const stop = interrupter(buffer, block.meta.stopAfterMs ?? SAFETY_STOP_MS);
  let stdout = "";
  let stderr = "";
  const result = await runner.run(
    { source: block.source, filename: SNIPPET_FILE },
    {
      output: (stream, text) => {
        if (stream === "stdout") stdout += text;
        else stderr += text;
      },
      started: () => {
        stop.arm();
      },
    },
  );
  const sent = stop.sent();
  await stop.close();
  if (sent > 1)
    throw new Error(
      `${blockName(block)}: SIGINT had to be sent ${String(sent)} times: the first one was lost`,
    );
  const timedOut = block.meta.stopAfterMs === null && result.interruptedAt !== null;
  return { stdout, stderr, result, timedOut };
}

/** Runs a block under CPython (`python -u`, SIGINT after `stop-after`), paths shown as the page's. */
export function runCpython(
  python: string,
  block: DocBlock,
): Promise<{ stdout: string; stderr: string; status: number }> {
  const dir = mkdtempSync(join(tmpdir(), "halted-doc-"));
  const file = join(dir, "snippet.py");
  writeFileSync(file, block.source);
  return new Promise((resolve, reject) => {
    const child = spawn(python, ["-u", file], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const stop = setTimeout(() => child.kill("SIGINT"), block.meta.stopAfterMs ?? SAFETY_STOP_MS);
    const guard = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      clearTimeout(stop);
      rmSync(dir, { recursive: true, force: true });
      const fix = (s: string): string => s.split(file).join(SNIPPET_FILE);
      resolve({
        stdout: fix(stdout),
        stderr: fix(stderr),
        status: code ?? (signal === "SIGINT" ? 130 : 137),
      });
    });
  });
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
  const real = endingOf(observed.result);
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
  } else if (formatExpectation(block.meta.expect) !== real) {
    problems.push(
      `${name}: the page declares \`${formatExpectation(block.meta.expect)}\` but the real run ends \`${real}\`.`,
    );
  }
  if (!expected || expected.source !== block.source) {
    problems.push(
      `${name}: no verified output for this code. Run \`npm run snippets:update\` to record it.`,
    );
    return problems;
  }
  if (endingOf(expected.result) !== real) {
    problems.push(
      `${name}: the verified ending was \`${endingOf(expected.result)}\`, the real run now ends \`${real}\`.`,
    );
  }
  for (const stream of ["stdout", "stderr"] as const) {
    if (expected[stream] !== observed[stream]) {
      problems.push(
        `${name}: ${stream} differs from the verified output.\n--- verified\n${expected[stream]}\n--- now\n${observed[stream]}`,
      );
    }
  }
  return problems;
}

/** Every way CPython disagrees with the runner on this block. */
export function checkAgainstCpython(
  block: DocBlock,
  observed: Observed,
  cpython: { stdout: string; stderr: string; status: number },
  version: string,
): string[] {
  const name = blockName(block);
  const problems: string[] = [];
  for (const stream of ["stdout", "stderr"] as const) {
    const ours = normalise(observed[stream], SNIPPET_FILE);
    const theirs = normalise(cpython[stream], SNIPPET_FILE);
    if (ours !== theirs) {
      problems.push(
        `${name}: ${stream} differs from CPython ${version}.\n--- CPython\n${theirs}\n--- runner\n${ours}`,
      );
    }
  }
  if (observed.result.exitCode !== cpython.status) {
    problems.push(
      `${name}: exit status ${String(observed.result.exitCode)} differs from CPython ${version}'s ${String(cpython.status)}.`,
    );
  }
  return problems;
}

/** The record to store for a block, from a real run. */
export function toExpected(block: DocBlock, observed: Observed): ExpectedRun {
  const result = withoutTiming(observed.result);
  // Where SIGINT lands inside a loop depends on timing; the record keeps only that it landed.
  const stable =
    block.meta.stopAfterMs === null
      ? result
      : { ...result, line: null, interruptedAt: result.interruptedAt ? { line: null } : null };
  return { source: block.source, stdout: observed.stdout, stderr: observed.stderr, result: stable };
}
