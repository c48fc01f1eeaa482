/**
 * Test helpers for the runner core in Node: one shared runner on the real `pyodide` package (with
 * the memory snapshot, as production uses), run through the docs' one run-and-collect helper.
 */
import { createNodeRunner } from "../../src/docs/node-runner.ts";
import { runAndCollect, type Collected } from "../../src/docs/run-collect.ts";
import type { StdinReader } from "../../src/runner/interpreter.ts";
import { SNIPPET_FILE } from "../../src/runner/paths.ts";
import type { Stdio } from "../../src/runner/result.ts";

const shared = createNodeRunner();
export const interruptBuffer = shared.interruptBuffer;
export const FILE = SNIPPET_FILE;
export type { Collected };

/**
 * Runs `source` to its end; optional SIGINT `interruptAfterMs` after start, optional stdin,
 * optional streams (pipes under `-u` when absent).
 */
export function run(
  source: string,
  options: { interruptAfterMs?: number; stdin?: StdinReader; stdio?: Stdio } = {},
): Promise<Collected> {
  return runAndCollect(shared, source, {
    stopAfterMs: options.interruptAfterMs ?? null,
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.stdio ? { stdio: options.stdio } : {}),
  });
}

/** A stdin that yields `text` once, then EOF. */
export function stdinOf(text: string): StdinReader {
  let rest = new TextEncoder().encode(text);
  return (buffer) => {
    const n = Math.min(buffer.length, rest.length);
    buffer.set(rest.subarray(0, n));
    rest = rest.subarray(n);
    return n;
  };
}
