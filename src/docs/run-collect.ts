/**
 * Runs a program through a Node-hosted runner and collects everything it did: the one helper
 * behind the docs checks, the comparison probes and the runner tests. Presses Stop after
 * `stopAfterMs` when asked, and fails loudly when a SIGINT was lost (it had to be sent twice).
 */
import type { StdinReader } from "../runner/interpreter.ts";
import { SNIPPET_FILE } from "../runner/paths.ts";
import type { RunResult, Stdio, Stream } from "../runner/result.ts";
import { interrupter } from "./interrupter.ts";
import type { NodeRunner } from "./node-runner.ts";

/**
 * A finished run: its result, each stream's text, both in the order written (what a terminal
 * shows them as), and every write with its time since start.
 */
export interface Collected {
  result: RunResult;
  stdout: string;
  stderr: string;
  terminal: string;
  events: { stream: Stream; text: string; atMs: number }[];
}

/** Runs `source` as the page would (`SNIPPET_FILE`); rejects only when Pyodide cannot boot. */
export async function runAndCollect(
  { runner, interruptBuffer }: NodeRunner,
  source: string,
  options: {
    stopAfterMs?: number | null;
    stdin?: StdinReader;
    filename?: string;
    stdio?: Stdio;
  } = {},
): Promise<Collected> {
  const stopAfter = options.stopAfterMs ?? null;
  const stop = stopAfter === null ? null : interrupter(interruptBuffer, stopAfter);
  const events: Collected["events"] = [];
  let t0 = performance.now();
  let result: RunResult;
  try {
    result = await runner.run(
      {
        source,
        filename: options.filename ?? SNIPPET_FILE,
        ...(options.stdio ? { stdio: options.stdio } : {}),
      },
      {
        output: (stream, text) => events.push({ stream, text, atMs: performance.now() - t0 }),
        started: () => {
          t0 = performance.now();
          stop?.arm();
        },
        ...(options.stdin ? { stdin: options.stdin } : {}),
      },
    );
  } finally {
    await stop?.close();
  }
  const text = (s: Stream): string =>
    events
      .filter((e) => e.stream === s)
      .map((e) => e.text)
      .join("");
  const sent = stop?.sent() ?? 0;
  if (sent > 1) {
    throw new Error(
      `SIGINT had to be sent ${String(sent)} times: the first one was lost; result ${JSON.stringify(result)}; output ${JSON.stringify(text("stdout") + text("stderr"))}`,
    );
  }
  const terminal = events.map((e) => e.text).join("");
  return { result, stdout: text("stdout"), stderr: text("stderr"), terminal, events };
}
