/**
 * The way-out account is taken from the run, and CPython is its oracle too: every corpus snippet
 * runs under CPython with the same recorder (`way_out_run.py`) and under the runner's CLI
 * (`--json`), and the two accounts must be equal — same steps, same lines, same order, and the
 * same output tied to each step. Twice: into a pipe (block-buffered: what a step prints reaches
 * the pipe at the end's flush) and with `-u`'s environment (written as it is printed).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUFFERED_ENV, newestCpython, runProcess } from "../../src/docs/cpython.ts";
import { normalise } from "../../src/docs/normalise.ts";
import { cliFlags, processSends, signalsOf, type Sent } from "./directives.ts";
import type { RunResult } from "../../src/runner/result.ts";

const root = new URL("../../", import.meta.url).pathname;
const corpus = join(root, "test/parity/corpus");
const harness = join(root, "test/parity/way_out_run.py");
const cpython = newestCpython();
// SIGKILL cannot be caught: CPython ends without a word, so a snippet sent one has no account
// to compare (its output and status are compared by parity.test.ts; the runner's account of what
// never ran is checked by test/runner/signals.test.ts).
const files = readdirSync(corpus)
  .filter((f) => f.endsWith(".py"))
  .filter((f) => !signalsOf(readFileSync(join(corpus, f), "utf8")).some((s) => s.name === "KILL"))
  .sort();

interface Step {
  step: string;
  line: number | null;
}

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

const MODES = {
  piped: BUFFERED_ENV,
  "piped, -u": { ...BUFFERED_ENV, PYTHONUNBUFFERED: "1" },
};

/** CPython's account of `path`, with the signals `sent` to its group at their times. */
async function theirs(path: string, sent: Sent[], env: NodeJS.ProcessEnv): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "way-out-"));
  const out = join(dir, "account.json");
  try {
    await runProcess(cpython.python, [harness, path], {
      sends: processSends(sent),
      env: { ...env, WAY_OUT_FILE: out },
    });
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The runner's account of `path` (the CLI sends the same signals into the program). */
async function ours(
  path: string,
  sent: Sent[],
  env: NodeJS.ProcessEnv,
): Promise<{ account: unknown; out: number }> {
  const args = [join(root, "src/cli/snippet.ts"), path, "--json", ...cliFlags(sent)];
  const run = await runProcess(process.execPath, args, { env });
  const { result, stdout } = JSON.parse(run.stdout) as { result: RunResult; stdout: string };
  return { account: result.wayOut ?? null, out: Buffer.byteLength(stdout) };
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

for (const [mode, env] of Object.entries(MODES)) {
  void describe(
    `the way out agrees with CPython ${cpython.version} (${mode})`,
    { concurrency: 2 },
    () => {
      for (const file of files) {
        test(file, async () => {
          const path = join(corpus, file);
          const source = readFileSync(path, "utf8");
          const sent = signalsOf(source);
          const [cpythonAccount, runner] = await Promise.all([
            theirs(path, sent, env),
            ours(path, sent, env),
          ]);
          assert.deepEqual(
            buffered(landed(source, runner.account), runner.out, path),
            buffered(landed(source, cpythonAccount), runner.out, path),
          );
        });
      }
    },
  );
}
