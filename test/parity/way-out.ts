/**
 * The way-out account is taken from the run, and CPython is its oracle too: a corpus snippet runs
 * under CPython with the same recorder (`way_out_run.py`), and its account must equal the one the
 * runner's CLI writes (`--result`) — same steps, same lines, same order, and the same output tied
 * to each step. `parity.test.ts` compares them in its two piped modes, from the same CLI run whose
 * streams and status it compares with plain CPython's.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newestCpython, runProcess } from "../../src/docs/cpython.ts";
import { normalise } from "../../src/docs/normalise.ts";
import { processSends, type Sent } from "./directives.ts";

const harness = new URL("./way_out_run.py", import.meta.url).pathname;
const cpython = newestCpython();

interface Step {
  step: string;
  line: number | null;
}

/**
 * SIGKILL cannot be caught: CPython ends without a word, so a snippet sent one has no account to
 * compare (its output and status still are; the runner's account of what never ran is checked by
 * test/runner/signals.test.ts).
 */
export const hasAccount = (sent: Sent[]): boolean => !sent.some((s) => s.name === "KILL");

/**
 * The line of the innermost `while`/`for` holding `line` (itself, if it is one): where a signal
 * lands inside a loop differs between Python versions (the loop's line or its body's, by where
 * the eval loop checks), so those lines are compared as their loop's. Nothing else is forgiven.
 */
function loopOf(source: string, line: number): number {
  const lines = source.split("\n");
  const indent = (text: string): number => text.length - text.trimStart().length;
  const own = indent(lines[line - 1] ?? "");
  for (let at = line; at >= 1; at -= 1) {
    const text = lines[at - 1] ?? "";
    if (/^\s*(while|for)\b/.test(text) && (at === line || indent(text) < own)) return at;
  }
  return line;
}

/** `account` with each signal's landing line, and frames left there, as their loop's line. */
function landed(source: string, account: unknown): unknown {
  if (!Array.isArray(account)) return account;
  const steps = account as Step[];
  const landings = new Set(steps.filter((s) => s.step === "signal").map((s) => s.line));
  return steps.map((s) =>
    s.line !== null && landings.has(s.line) && (s.step === "signal" || s.step === "unwind")
      ? { ...s, line: loopOf(source, s.line) }
      : s,
  );
}

/**
 * A pipe's block buffer is 4 KiB in 3.13 and 128 KiB in 3.14 (gh-117151): past 4 KiB of stdout,
 * how much a flush or os._exit finds buffered, and so which text reaches the pipe during which
 * step, is each version's own: only that it did is compared. Below it, all must be equal.
 */
function buffered(account: unknown, out: number, path: string): unknown {
  if (!Array.isArray(account)) return account;
  if (out <= 4096) {
    // What a step printed is compared as the output parity compares text (addresses and all).
    return (account as (Step & { printed?: string })[]).map((s) =>
      s.printed === undefined ? s : { ...s, printed: normalise(s.printed, path) },
    );
  }
  return (account as (Step & { name: string; printed?: string })[]).map((s) => ({
    ...s,
    ...(s.step === "flush" && { name: s.name.replace(/\d+ bytes?/, "N bytes") }),
    ...(s.printed !== undefined && { printed: "(some text)" }),
  }));
}

/** An account as it is compared: signal landings as their loop's line, long output as "some". */
export function comparable(account: unknown, path: string, stdoutBytes: number): unknown {
  return buffered(landed(readFileSync(path, "utf8"), account), stdoutBytes, path);
}

/** CPython's account of `path` (with `flags` such as `-u`), the signals `sent` at their times. */
export async function cpythonAccount(
  path: string,
  flags: string[],
  sent: Sent[],
  env: NodeJS.ProcessEnv,
): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "way-out-"));
  const out = join(dir, "account.json");
  try {
    await runProcess(cpython.python, [...flags, harness, path], {
      sends: processSends(sent),
      env: { ...env, WAY_OUT_FILE: out },
    });
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A temporary file for the CLI's `--result`, read once the run ended, then removed. */
export function resultFile(): { path: string; account: () => unknown } {
  const dir = mkdtempSync(join(tmpdir(), "way-out-"));
  const path = join(dir, "result.json");
  return {
    path,
    account: () => {
      try {
        const result = JSON.parse(readFileSync(path, "utf8")) as { wayOut?: unknown };
        return result.wayOut ?? null;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
