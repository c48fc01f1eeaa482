/**
 * The one wire format of the runner: what a run produces (`RunResult`), and the messages that
 * cross between a controller (the page's client, or the CLI's main thread) and the thread that
 * hosts the core (a Web Worker, or a Node worker thread). Both sides import it with `import type`.
 *
 * Every union is tagged by `type` or `outcome`; consumers end each `switch` with `assertNever`.
 */

/** How a run ended, in the terms a shell would use for `python3 -u snippet.py`. */
export type Outcome = "exit" | "exception" | "interrupt" | "killed" | "crash";

/** What ended an `exit` outcome: falling off the end, a `SystemExit`, or `os._exit`. */
export type ExitCause = "end" | "SystemExit" | "os._exit";

/** Stable codes for runs the runtime itself could not finish. */
export type CrashCode = "runtime-exited" | "out-of-memory" | "stack-overflow" | "runtime-error";

interface RunBase {
  /** Wall time from the start of the run to its end, in milliseconds. */
  durationMs: number;
  /** Line of the snippet where it halted (the exit call, the raise, where SIGINT landed), 1-based. */
  line: number | null;
  /**
   * Set when SIGINT reached the program (Stop, `--interrupt-after`): the snippet line running when it
   * arrived. An `exit` outcome with this set means the script handled the interrupt itself.
   */
  interruptedAt: { line: number | null } | null;
}

/** The program ended on its own terms; `exitCode` is what `$?` would show. */
export interface ExitResult extends RunBase {
  outcome: "exit";
  exitCode: number;
  cause: ExitCause;
}

/** An uncaught exception; its traceback is already on stderr, exactly as CPython prints it. */
export interface ExceptionResult extends RunBase {
  outcome: "exception";
  exitCode: 1;
  exception: { type: string; message: string };
}

/** Ended by SIGINT: an uncaught KeyboardInterrupt (traceback on stderr) or SIG_DFL. Status 130. */
export interface InterruptResult extends RunBase {
  outcome: "interrupt";
  exitCode: 130;
  exception: { type: string; message: string } | null;
}

/** The interpreter was terminated from outside because it ignored SIGINT. Status 137 (SIGKILL). */
export interface KilledResult extends RunBase {
  outcome: "killed";
  exitCode: 137;
  reason: string;
}

/** The runtime failed under the program (out of memory, stack exhausted). Status 134 (SIGABRT). */
export interface CrashResult extends RunBase {
  outcome: "crash";
  exitCode: 134;
  code: CrashCode;
  message: string;
}

/** The value every run ends with. Python exceptions are results, not errors. */
export type RunResult = ExitResult | ExceptionResult | InterruptResult | KilledResult | CrashResult;

/** The two output streams a program writes to. */
export type Stream = "stdout" | "stderr";

/** A program to run, the way `python3 -u <filename>` would run it. */
export interface RunRequest {
  source: string;
  /** Absolute path the code is compiled under; tracebacks show it, as CPython shows the script path. */
  filename: string;
  /** `sys.argv[0]`; defaults to `filename`. */
  argv0?: string;
}

/** Infrastructure failures (never a Python exception): a stable code and a sentence for people. */
export interface RunnerError {
  code: "load-failed" | "worker-died" | "internal";
  message: string;
}

/**
 * The page's first and only message to the worker's global scope. Everything after it travels
 * over `port`, which the worker keeps in a closure: a program's `js.postMessage(...)` reaches the
 * global scope, which the page does not listen to, so it cannot forge the runner's messages.
 */
export interface WorkerInit {
  type: "init";
  port: MessagePort;
  /**
   * Shared memory, present only when the page is cross-origin isolated. Without it the runner
   * degrades: output comes as messages, `input()` sees EOF, and Stop can only terminate.
   */
  shared: {
    interruptBuffer: Int32Array;
    stdinBuffer: SharedArrayBuffer;
    /** Output travels through this ring (see `output-ring.ts`), not through messages. */
    outputBuffer: SharedArrayBuffer;
  } | null;
  /** URL of the self-hosted Pyodide folder, ending in `/`. */
  indexURL: string;
}

/** Controller -> core host. */
export type ToRunner =
  | { type: "run"; runId: number; request: RunRequest }
  /** Pre-boot an interpreter so the next run starts at once. */
  | { type: "prepare" };

/** Core host -> controller. */
export type FromRunner =
  /** An interpreter is booted; `boot` says whether it was restored from a snapshot or booted cold. */
  | { type: "ready"; boot?: "snapshot" | "cold" }
  /** Pyodide is being fetched and booted (the first Run waits for this). */
  | { type: "booting" }
  /** The program called `input()` and is waiting for a line. */
  | { type: "input-request"; runId: number }
  /** The interpreter is booted and the program's first line is about to run. */
  | { type: "started"; runId: number }
  | { type: "output"; runId: number; stream: Stream; text: string }
  | { type: "result"; runId: number; result: RunResult }
  | { type: "error"; runId: number | null; error: RunnerError };

/** Ends a `switch` over a union: a new member that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
