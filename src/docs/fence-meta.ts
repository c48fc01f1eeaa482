/**
 * The words an author may put after ```` ```python ```` (the fence's meta string), parsed in one
 * place so the build and the docs checks agree on what a block declares:
 *
 * - `norun` — keep the block static (no Run button, not checked).
 * - `expect="exit 0"` | `expect="exception MyCustomError"` | `expect="interrupt"` |
 *   `expect="signal SIGTERM"` | `expect="killed"` — how the block must end when run.
 * - `stop-after=500` — press Stop (SIGINT) this many milliseconds after the program starts.
 */

import type { RunResult, TimelessResult } from "../runner/result.ts";

/** A declared ending: what the verifier checks a real run against. */
export type Expectation =
  | { outcome: "exit"; exitCode: number }
  | { outcome: "exception"; type: string }
  | { outcome: "interrupt" }
  | { outcome: "signal"; signal: string }
  | { outcome: "killed" };

/** How a run really ended, in the same terms; a crash can happen but cannot be declared. */
export type Ending = Expectation | { outcome: "crash" };

/** What a fence's meta says about its block. */
export interface FenceMeta {
  norun: boolean;
  expect: Expectation | null;
  stopAfterMs: number | null;
  /** Problems with the meta string; the build fails on them and the verifier reports them. */
  errors: string[];
}

/** Parses an `expect="..."` value; a string (the reason) when its syntax is wrong. */
export function parseExpectation(text: string): Expectation | string {
  const [kind, arg, extra] = text.trim().split(/\s+/);
  if (extra !== undefined) return `expect="${text}" has too many words`;
  switch (kind) {
    case "exit": {
      const code = Number(arg);
      return arg !== undefined && Number.isInteger(code) && code >= 0 && code <= 255
        ? { outcome: "exit", exitCode: code }
        : `expect="${text}" needs a status 0-255, e.g. expect="exit 0"`;
    }
    case "exception":
      return arg && /^[\w.]+$/.test(arg)
        ? { outcome: "exception", type: arg }
        : `expect="${text}" needs the exception type, e.g. expect="exception ValueError"`;
    case "signal":
      return arg && /^SIG[A-Z0-9]+$/.test(arg)
        ? { outcome: "signal", signal: arg }
        : `expect="${text}" needs the signal's name, e.g. expect="signal SIGTERM"`;
    case "interrupt":
    case "killed":
      return arg === undefined ? { outcome: kind } : `expect="${text}" takes no argument`;
    default:
      return `expect="${text}" must start with exit, exception, interrupt, signal or killed`;
  }
}

/** The ending of a run (live or recorded), to compare with a declaration. */
export function endingOf(result: RunResult | TimelessResult): Ending {
  switch (result.outcome) {
    case "exit":
      return { outcome: "exit", exitCode: result.exitCode };
    case "exception":
      return { outcome: "exception", type: result.exception.type };
    case "signal":
      return { outcome: "signal", signal: result.signal };
    case "interrupt":
    case "killed":
    case "crash":
      return { outcome: result.outcome };
  }
}

/**
 * An ending in the words of the `expect=` syntax (`exit 0`, `exception ValueError`, `interrupt`):
 * the one spelling used by the verifier's messages, `snippets:update` and comparisons.
 */
export function formatEnding(e: Ending): string {
  switch (e.outcome) {
    case "exit":
      return `exit ${String(e.exitCode)}`;
    case "exception":
      return `exception ${e.type}`;
    case "signal":
      return `signal ${e.signal}`;
    case "interrupt":
    case "killed":
    case "crash":
      return e.outcome;
  }
}

/** Parses a meta string such as `expect="exit 0" stop-after=500`. */
export function parseFenceMeta(meta: string | undefined): FenceMeta {
  const result: FenceMeta = { norun: false, expect: null, stopAfterMs: null, errors: [] };
  for (const match of (meta ?? "").matchAll(/([\w-]+)(?:=(?:"([^"]*)"|(\S+)))?/g)) {
    const key = match[1] ?? "";
    const value = match[2] ?? match[3];
    if (key === "norun") result.norun = true;
    else if (key === "expect" && value !== undefined) {
      const parsed = parseExpectation(value);
      if (typeof parsed === "string") result.errors.push(parsed);
      else result.expect = parsed;
    } else if (key === "stop-after" && value !== undefined) {
      const ms = Number(value);
      if (Number.isFinite(ms) && ms >= 0) result.stopAfterMs = ms;
      else result.errors.push(`stop-after=${value} must be a number of milliseconds`);
    } else result.errors.push(`unknown fence word "${match[0]}"`);
  }
  return result;
}
