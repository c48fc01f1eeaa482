/**
 * `npm run -s snippet -- FILE.py`: runs a Python file through the runner core in Node, the way
 * `python3 -u FILE.py` runs it. The core runs in a worker thread; this thread owns the clock:
 * it sends SIGINT for `--interrupt-after` and kills the thread if the program ignores it.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { createInterruptBuffer, sendSigintReliably } from "../channels/interrupt.ts";
import { assertNever, killedResult, type RunResult } from "../runner/result.ts";
import type { FromRunner } from "../channels/messages.ts";
import { USAGE, parseArgs, type SnippetArgs } from "./args.ts";

function fail(message: string, status: number): never {
  process.stderr.write(`snippet: ${message}\n`);
  process.exit(status);
}

let args: SnippetArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  fail(`${(error as Error).message}\n\n${USAGE}`, 2);
}

let source: string;
const path = resolve(args.file);
try {
  source = readFileSync(path, "utf8");
} catch (error) {
  fail(`cannot read ${args.file}: ${(error as Error).message}`, 2);
}

const interruptBuffer = createInterruptBuffer();
const worker = new Worker(new URL("./runner-thread.ts", import.meta.url), {
  workerData: {
    request: { source, filename: path, argv0: args.file },
    interruptBuffer,
    snapshotCache: args.snapshotCache,
  },
  stdin: false,
});

const captured = { stdout: "", stderr: "" };
let settled = false;
let killing = false;
let startedAt = 0;

function finish(result: RunResult): void {
  if (settled) return;
  settled = true;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ result, ...captured }, null, 2)}\n`);
    process.exitCode = 0;
  } else {
    process.exitCode = result.exitCode;
  }
  void worker.terminate();
}

function kill(): void {
  if (settled || killing) return;
  killing = true;
  const ms = Math.round(performance.now() - startedAt);
  const reason = `the program ignored SIGINT for ${String(args.graceMs)} ms and was killed`;
  void worker.terminate().then(() => {
    if (!args.json) process.stderr.write(`snippet: ${reason}\n`);
    finish(killedResult(reason, ms));
  });
}

worker.on("message", (message: FromRunner) => {
  switch (message.type) {
    case "ready":
    case "booting":
    case "input-request":
      // The CLI's program reads the process's stdin directly; nothing to show.
      break;
    case "started":
      startedAt = performance.now();
      if (args.interruptAfterMs !== null) {
        setTimeout(() => {
          if (settled) return;
          sendSigintReliably(interruptBuffer, () => !settled);
          setTimeout(kill, args.graceMs).unref();
        }, args.interruptAfterMs).unref();
      }
      break;
    case "output":
      if (args.json) captured[message.stream] += message.text;
      else (message.stream === "stdout" ? process.stdout : process.stderr).write(message.text);
      break;
    case "result":
      finish(message.result);
      break;
    case "error":
      settled = true;
      return fail(message.error.message, 70);
    default:
      assertNever(message);
  }
});
worker.on("error", (error) => {
  if (!settled && !killing) fail(`the runner thread died: ${String(error)}`, 70);
});
worker.on("exit", () => {
  if (!settled && !killing) fail("the runner thread exited without a result", 70);
});
