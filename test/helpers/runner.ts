/**
 * Test helpers for the runner core in Node: one shared Runner on the real `pyodide` package (with
 * the memory snapshot, as production uses), a collector for a run's output, and an interrupter
 * thread that presses Stop while the main thread is busy running Python.
 */
import { interrupter } from "../../src/cli/interrupter.ts";
import { loadPyodide } from "pyodide";
import { createInterruptBuffer } from "../../src/runner/interrupt.ts";
import type { RunResult } from "../../src/runner/protocol.ts";
import { Runner } from "../../src/runner/runner.ts";
import type { StdinReader } from "../../src/runner/interpreter.ts";

export const interruptBuffer = createInterruptBuffer();
export const runner = new Runner({ loadPyodide, interruptBuffer });

export const FILE = "/home/reader/snippet.py";

export interface Collected {
  result: RunResult;
  stdout: string;
  stderr: string;
  /** Every output event with its time in ms since the program started. */
  events: { stream: "stdout" | "stderr"; text: string; atMs: number }[];
}

/** Runs `source` to its end; optional SIGINT `interruptAfterMs` after start, optional stdin. */
export async function run(
  source: string,
  options: { interruptAfterMs?: number; stdin?: StdinReader } = {},
): Promise<Collected> {
  const stop =
    options.interruptAfterMs === undefined
      ? null
      : interrupter(interruptBuffer, options.interruptAfterMs);
  const events: Collected["events"] = [];
  let t0 = performance.now();
  const result = await runner.run(
    { source, filename: FILE },
    {
      output: (stream, text) => events.push({ stream, text, atMs: performance.now() - t0 }),
      started: () => {
        t0 = performance.now();
        stop?.arm();
      },
      ...(options.stdin ? { stdin: options.stdin } : {}),
    },
  );
  const sent = stop?.sent() ?? 0;

  await stop?.close();
  if (sent > 1) {
    const output = events.map((e) => e.text).join("");
    throw new Error(
      `SIGINT had to be sent ${String(sent)} times: the first one was lost; result ${JSON.stringify(result)}; output ${JSON.stringify(output)}`,
    );
  }
  const join = (s: "stdout" | "stderr"): string =>
    events
      .filter((e) => e.stream === s)
      .map((e) => e.text)
      .join("");
  return { result, stdout: join("stdout"), stderr: join("stderr"), events };
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
