/**
 * What a run is asked to do and what it produces: `RunRequest` in, `RunResult` out — a value for
 * every ending, the core's one answer. The messages that carry them between threads are in
 * `channels/messages.ts`.
 *
 * Every union is tagged by `outcome`; consumers end each `switch` with `assertNever`.
 */

/** How a run ended, in the terms a shell would use for `python3 -u snippet.py`. */
export type Outcome = "exit" | "exception" | "interrupt" | "signal" | "killed" | "crash";

/** What ended an `exit` outcome: falling off the end, a `SystemExit`, or `os._exit`. */
export type ExitCause = "end" | "SystemExit" | "os._exit";

/** Stable codes for runs the runtime itself could not finish. */
export type CrashCode = "runtime-exited" | "out-of-memory" | "stack-overflow" | "runtime-error";

/** What a step of the way out is (`way_out.py`): the contract's `data-step` values. */
export type WayOutKind =
  | "start"
  | "unwind"
  | "except"
  | "finally"
  | "with"
  | "atexit"
  | "flush"
  | "signal"
  | "kill"
  | "exit";

/**
 * One step between the start of a program's end and its exit status, taken from the run: what
 * started the end, each frame left, each `except`, `finally` and `with` exit that ran, the atexit
 * handlers — or, after os._exit or a signal's default action, those that never ran.
 */
export interface WayOutStep {
  step: WayOutKind;
  ran: boolean;
  /** The line of the `except`, `finally` or `with` keyword, or of the statement that started it. */
  line: number | null;
  /** What it was, in the program's words: `except KeyError`, `open(path)`, `work`, `bye`. */
  name: string;
  /** An `except` clause that caught the exception and raised it again. */
  reraised?: boolean;
  /** A frame left this many more times in a row (a recursion), as a traceback folds it. */
  repeated?: number;
  /** A `flush` step that never ran: the end of the text that was lost (its last 500 bytes). */
  text?: string;
  /** What reached the terminal while the step ran (an `except`, `finally` or `with` exit, an
   * atexit handler, a signal's handler, the end's flush): its first 2000 bytes. */
  printed?: string;
}

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
  /** The way out, in order; absent where the runtime could not tell (a kill, a crash). */
  wayOut?: WayOutStep[];
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
/**
 * Ended at once by a signal's default action (SIGTERM: `kill PID`, `docker stop`): no finally,
 * no atexit; a shell sees 128 + its number.
 */
export interface SignalResult extends RunBase {
  outcome: "signal";
  exitCode: number;
  /** Its name: `SIGTERM`. */
  signal: string;
}

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
export type RunResult =
  ExitResult | ExceptionResult | InterruptResult | SignalResult | KilledResult | CrashResult;

/** A result without its timing (distributes over the outcomes): what a record of a run keeps. */
export type TimelessResult = RunResult extends infer R
  ? R extends unknown
    ? Omit<R, "durationMs">
    : never
  : never;

/** The result with its timing removed, for records that must not change from run to run. */
export function withoutTiming(result: RunResult): TimelessResult {
  const copy: Partial<RunResult> = { ...result };
  delete copy.durationMs;
  return copy as TimelessResult;
}

/** The two output streams a program writes to. */
export type Stream = "stdout" | "stderr";

/** A program to run, the way `python3 <filename>` would run it. */
export interface RunRequest {
  source: string;
  /** Absolute path the code is compiled under; tracebacks show it, as CPython shows the script path. */
  filename: string;
  /** `sys.argv[0]`; defaults to `filename`. */
  argv0?: string;
  /** Where the program's standard streams lead; absent: pipes, as under `python3 -u`. */
  stdio?: Stdio;
  /** Deliver SIGINT when this line is about to run, the first time (the reader's marker). */
  interruptAtLine?: number;
}

/**
 * The standard streams as `python3` finds them when it starts, which decide what CPython does with
 * them: on a terminal stdout is line-buffered, into a pipe it is block-buffered (so `os._exit`
 * loses what is still buffered), and `-u` writes both through.
 */
export interface Stdio {
  /**
   * Which streams are a terminal (`isatty()` True): all three in the page; a command's may be
   * redirected one by one (`2>err.txt`), and CPython decides per stream — stdout's buffering by
   * stdout, a traceback's colour by stderr.
   */
  terminal: Ttys;
  /** `python3 -u` or `PYTHONUNBUFFERED`: stdout and stderr are written through. */
  unbuffered: boolean;
  /** The terminal's size in character cells (a terminal only). */
  size?: { columns: number; rows: number };
  /**
   * The program's environment: `vars` set over Pyodide's own, or (`only`) exactly `vars`, as a
   * command's environment is its parent's.
   */
  env?: { vars: Record<string, string>; only: boolean };
}

/** For each standard stream, whether it is a terminal. */
export interface Ttys {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/**
 * The classic terminal, 80 columns by 24 rows: a panel's size until it is measured, and the
 * verified docs' terminal (`snippets:update` runs the article's blocks on one this size).
 */
export const CLASSIC_TERMINAL = { columns: 80, rows: 24 } as const;

/**
 * A colour terminal `size` cells big, as a reader's page and the verified docs give a program:
 * line-buffered, `isatty()` True, `TERM` as a colour terminal sets it (CPython's own rules then
 * decide colour: `NO_COLOR`, `PYTHON_COLORS`, `FORCE_COLOR`).
 */
export const terminalStdio = (size: { columns: number; rows: number }): Stdio => ({
  terminal: { stdin: true, stdout: true, stderr: true },
  unbuffered: false,
  size,
  env: { vars: { TERM: "xterm-256color", COLORTERM: "truecolor" }, only: false },
});

/** Infrastructure failures (never a Python exception): a stable code and a sentence for people. */
export interface RunnerError {
  code: "load-failed" | "worker-died" | "internal";
  message: string;
}

/** Ends a `switch` over a union: a new member that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}

/**
 * The result of a run killed from outside (Stop ignored, Stop pressed twice, the CLI's grace
 * ran out): SIGKILL's status, no line, SIGINT noted as sent.
 */
export function killedResult(reason: string, durationMs: number): KilledResult {
  return {
    outcome: "killed",
    exitCode: 137,
    reason,
    line: null,
    interruptedAt: { line: null },
    durationMs,
  };
}
