/**
 * Decides what a run means: turns the driver's JSON report, or the way the runtime died, into a
 * `RunResult`. Pure functions, so every rule here is tested without booting Pyodide.
 */
import type { CrashCode, RunResult, WayOutStep } from "./result.ts";

/** What the Python driver reports when `run()` returns normally. */
export interface DriverReport {
  kind: "exit" | "exception" | "interrupt";
  status: number;
  cause: "end" | "SystemExit";
  line: number | null;
  exception: { type: string; message: string } | null;
  interrupted_at: { line: number | null } | null;
  way_out?: WayOutStep[];
}

/**
 * An ending the driver announced just before it ended the runtime: `os._exit`, SIGINT under
 * SIG_DFL, a signal's default action (its name: `SIGTERM`), or SIGKILL.
 */
export interface DriverNote {
  kind: "os._exit" | "SIG_DFL" | "SIGKILL" | `SIG${string}`;
  line: number | null;
  wayOut?: WayOutStep[];
}

/** The note's kind from the driver's word for it (a program cannot choose it). */
export function noteKind(kind: string): DriverNote["kind"] {
  return kind === "SIG_DFL" || /^SIG[A-Z0-9]+$/.test(kind) ? (kind as `SIG${string}`) : "os._exit";
}

/** The signals a reader or a command can send, by their POSIX numbers (the driver's too). */
export const SIGNALS = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as const;
export type SignalName = keyof typeof SIGNALS;

/** Why a run ended by SIGKILL was killed, when nobody said more (the page and CLI say more). */
export const SIGKILL_REASON = "SIGKILL was sent to it";

/** Result of a run whose driver returned a report. */
export function fromReport(report: DriverReport, durationMs: number): RunResult {
  const base = {
    durationMs,
    line: report.line,
    interruptedAt: report.interrupted_at,
    ...(report.way_out && { wayOut: report.way_out }),
  };
  switch (report.kind) {
    case "exit":
      return { ...base, outcome: "exit", exitCode: report.status, cause: report.cause };
    case "exception":
      return {
        ...base,
        outcome: "exception",
        exitCode: 1,
        exception: report.exception ?? { type: "Exception", message: "" },
      };
    case "interrupt":
      return {
        ...base,
        outcome: "interrupt",
        exitCode: 130,
        exception: report.exception,
        interruptedAt: report.interrupted_at ?? { line: report.line },
      };
  }
}

/** The exit status carried by Emscripten's `ExitStatus` when the runtime exits, if this is one. */
export function exitStatusOf(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const { name, status } = error as { name?: unknown; status?: unknown };
  return (name === "ExitStatus" || name === "Exit") && typeof status === "number" ? status : null;
}

/** Result of a run during which the runtime died; `note` says whether the program asked for it. */
export function fromRuntimeDeath(
  error: unknown,
  note: DriverNote | null,
  durationMs: number,
): RunResult {
  const status = exitStatusOf(error);
  if (status !== null && note?.kind === "os._exit") {
    return {
      outcome: "exit",
      exitCode: status & 0xff,
      cause: "os._exit",
      line: note.line,
      interruptedAt: null,
      ...(note.wayOut && { wayOut: note.wayOut }),
      durationMs,
    };
  }
  if (status !== null && note?.kind === "SIGKILL") {
    return {
      outcome: "killed",
      exitCode: 137,
      reason: SIGKILL_REASON,
      line: note.line,
      interruptedAt: null,
      ...(note.wayOut && { wayOut: note.wayOut }),
      durationMs,
    };
  }
  const signalNumber = note && note.kind in SIGNALS ? SIGNALS[note.kind as SignalName] : undefined;
  if (status !== null && note && note.kind !== "SIG_DFL" && signalNumber !== undefined) {
    return {
      outcome: "signal",
      exitCode: 128 + signalNumber,
      signal: note.kind,
      line: note.line,
      interruptedAt: null,
      ...(note.wayOut && { wayOut: note.wayOut }),
      durationMs,
    };
  }
  if (status !== null && note?.kind === "SIG_DFL") {
    return {
      outcome: "interrupt",
      exitCode: 130,
      exception: null,
      line: note.line,
      interruptedAt: { line: note.line },
      ...(note.wayOut && { wayOut: note.wayOut }),
      durationMs,
    };
  }
  const { code, message } = classifyCrash(error);
  return {
    outcome: "crash",
    exitCode: 134,
    code,
    message,
    line: null,
    interruptedAt: null,
    durationMs,
  };
}

/** Names the way a runtime failed, in a sentence a reader can act on. */
export function classifyCrash(error: unknown): { code: CrashCode; message: string } {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (exitStatusOf(error) !== null || /already exited/i.test(text)) {
    return {
      code: "runtime-exited",
      message: `The Python runtime exited unexpectedly (${text}). The next run starts a new one.`,
    };
  }
  if (
    /out of memory|memory access out of bounds|Cannot enlarge memory|Aborted\(OOM\)/i.test(text)
  ) {
    return {
      code: "out-of-memory",
      message: `The program ran out of memory (${text}). The next run starts a fresh interpreter.`,
    };
  }
  if (/call stack|stack overflow|too much recursion/i.test(text)) {
    return {
      code: "stack-overflow",
      message: `The program exhausted the interpreter's stack (${text}). The next run starts a fresh interpreter.`,
    };
  }
  return {
    code: "runtime-error",
    message: `The Python runtime failed (${text}). The next run starts a fresh interpreter.`,
  };
}
