/**
 * `npm run -s snippet -- [-u] FILE.py`: runs a Python file through the runner core in Node, the
 * way `python3 [-u] FILE.py` runs it. The core runs in a worker thread; this thread owns the clock:
 * it sends the signals of `--interrupt-after` and `--send`, and kills the program if it ignores
 * SIGINT (asking its driver first, so the way out says what never ran).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { isatty } from "node:tty";
import { Worker } from "node:worker_threads";
import {
  SIGNALS,
  createInterruptBuffer,
  sendSigintReliably,
  sendSigkill,
  sendSignalReliably,
  type SignalName,
} from "../channels/interrupt.ts";
import { assertNever, killedResult, type RunResult, type Stdio } from "../runner/result.ts";
import type { FromRunner } from "../channels/messages.ts";
import { USAGE, parseArgs, type SnippetArgs } from "./args.ts";
import { warmStart } from "./warm-start.ts";

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

/**
 * The program's streams are this command's, each a terminal or not as ours is: a terminal on
 * stdout makes it line-buffered, a pipe or a file block-buffered; `-u` or PYTHONUNBUFFERED
 * (non-empty) writes through. Its environment and terminal size are this process's, as
 * python3's are.
 */
function commandStdio(unbuffered: boolean): Stdio {
  const terminal = { stdin: isatty(0), stdout: isatty(1), stderr: isatty(2) };
  const window = terminal.stdout ? process.stdout : terminal.stderr ? process.stderr : null;
  const vars = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return {
    terminal,
    unbuffered: unbuffered || Boolean(process.env["PYTHONUNBUFFERED"]),
    ...(window && { size: { columns: window.columns, rows: window.rows } }),
    env: { vars, only: true },
  };
}

const interruptBuffer = createInterruptBuffer();
const worker = new Worker(new URL("./runner-thread.ts", import.meta.url), {
  workerData: {
    request: {
      source,
      filename: path,
      argv0: args.file,
      stdio: commandStdio(args.unbuffered),
      ...(args.interruptAtLine !== null && { interruptAtLine: args.interruptAtLine }),
    },
    interruptBuffer,
    snapshotCache: args.snapshotCache,
  },
  env: warmStart(),
  stdin: false,
});

const captured = { stdout: "", stderr: "" };
let settled = false;
let killing = false;
let killReason: string | null = null;
let killAsked = false;
let startedAt = 0;

function finish(ended: RunResult): void {
  if (settled) return;
  settled = true;
  const result =
    ended.outcome === "killed" && killReason ? { ...ended, reason: killReason } : ended;
  if (args.resultFile !== null) {
    try {
      writeFileSync(args.resultFile, `${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      process.stderr.write(
        `snippet: cannot write ${args.resultFile}: ${(error as Error).message}\n`,
      );
    }
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ result, ...captured }, null, 2)}\n`);
    process.exitCode = 0;
  } else {
    // The runtime itself failed: the program's streams cannot say so, this command does.
    if (result.outcome === "crash") process.stderr.write(`snippet: ${result.message}\n`);
    // The command's own decision is said; a SIGKILL that was asked for is not (python3 says nothing).
    if (result.outcome === "killed" && !killAsked)
      process.stderr.write(`snippet: ${result.reason}\n`);
    process.exitCode = result.exitCode;
  }
  void worker.terminate();
}

/** SIGKILL (`sendSigkill`): the driver answers, or the thread is terminated. */
function kill(reason: string): void {
  if (settled || killReason !== null) return;
  killReason = reason;
  sendSigkill(
    interruptBuffer,
    () => !settled,
    () => {
      killing = true;
      const ms = Math.round(performance.now() - startedAt);
      void worker.terminate().then(() => {
        finish(killedResult(reason, ms));
      });
    },
  );
}

/** SIGINT to the program, as Ctrl+C in its terminal; killed if it is still running after the grace. */
function interrupt(): void {
  if (settled) return;
  sendSigintReliably(interruptBuffer, () => !settled);
  setTimeout(() => {
    kill(`the program ignored SIGINT for ${String(args.graceMs)} ms and was killed`);
  }, args.graceMs).unref();
}

/** A signal to the program, as `kill -SIG PID` would send it. */
function send(signal: SignalName): void {
  if (settled) return;
  if (signal === "SIGINT") interrupt();
  else if (signal === "SIGKILL") {
    killAsked = true;
    kill("SIGKILL was sent to it");
  } else sendSignalReliably(interruptBuffer, SIGNALS[signal], () => !settled);
}

// Ctrl+C in this command's terminal reaches the program as it reaches python3's: a SIGINT (one
// that comes while Python is still starting is delivered as the program starts).
let ctrlC = false;
process.on("SIGINT", () => {
  ctrlC = true;
  if (startedAt) interrupt();
});
// `kill PID` (SIGTERM) to this command reaches the program as it would reach python3.
let terminated = false;
process.on("SIGTERM", () => {
  terminated = true;
  if (startedAt) send("SIGTERM");
});

worker.on("message", (message: FromRunner) => {
  switch (message.type) {
    case "ready":
    case "booting":
    case "input-request":
    case "input-eof":
      // The CLI's program reads the process's stdin directly; nothing to show.
      break;
    case "started":
      startedAt = performance.now();
      if (ctrlC) interrupt();
      if (terminated) send("SIGTERM");
      if (args.interruptAfterMs !== null) setTimeout(interrupt, args.interruptAfterMs).unref();
      for (const { signal, afterMs } of args.sends) {
        setTimeout(() => {
          send(signal);
        }, afterMs).unref();
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
