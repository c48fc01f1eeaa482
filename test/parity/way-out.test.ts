/**
 * The way-out account is taken from the run, and CPython is its oracle too: every corpus snippet
 * runs under CPython with the same recorder (`way_out_run.py`) and under the runner's CLI
 * (`--json`), and the two accounts must be equal — same steps, same lines, same order.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUFFERED_ENV, newestCpython, runProcess } from "../../src/docs/cpython.ts";
import type { RunResult } from "../../src/runner/result.ts";

const root = new URL("../../", import.meta.url).pathname;
const corpus = join(root, "test/parity/corpus");
const harness = join(root, "test/parity/way_out_run.py");
const cpython = newestCpython();
const files = readdirSync(corpus)
  .filter((f) => f.endsWith(".py"))
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

/** CPython's account of `path`, SIGINT to its group `after` ms after the start if given. */
async function theirs(path: string, after: number | null): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "way-out-"));
  const out = join(dir, "account.json");
  try {
    await runProcess(cpython.python, [harness, path], {
      signalAfterMs: after,
      env: { ...BUFFERED_ENV, WAY_OUT_FILE: out },
    });
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The runner's account of `path` (the CLI presses Stop `after` ms into the program). */
async function ours(
  path: string,
  after: number | null,
): Promise<{ account: unknown; out: number }> {
  const args = [join(root, "src/cli/snippet.ts"), path, "--json"];
  if (after !== null) args.push("--interrupt-after", String(after));
  const run = await runProcess(process.execPath, args, { env: BUFFERED_ENV });
  const { result, stdout } = JSON.parse(run.stdout) as { result: RunResult; stdout: string };
  return { account: result.wayOut ?? null, out: Buffer.byteLength(stdout) };
}

/**
 * A pipe's block buffer is 4 KiB in 3.13 and 128 KiB in 3.14 (gh-117151): past 4 KiB of stdout,
 * how much a flush or os._exit finds buffered is each version's own, so only that it did is
 * compared. Below it, the counts must be equal.
 */
function buffered(account: unknown, out: number): unknown {
  if (!Array.isArray(account) || out <= 4096) return account;
  return (account as Step[]).map((s) =>
    s.step === "flush"
      ? { ...s, name: (s as Step & { name: string }).name.replace(/\d+ bytes?/, "N bytes") }
      : s,
  );
}

void describe(`the way out agrees with CPython ${cpython.version}`, { concurrency: 2 }, () => {
  for (const file of files) {
    test(file, async () => {
      const path = join(corpus, file);
      const source = readFileSync(path, "utf8");
      const directive = /^# parity: interrupt-after=(\d+)/.exec(source);
      const after = directive?.[1] ? Number(directive[1]) : null;
      const [cpythonAccount, runner] = await Promise.all([theirs(path, after), ours(path, after)]);
      assert.deepEqual(
        buffered(landed(source, runner.account), runner.out),
        buffered(landed(source, cpythonAccount), runner.out),
      );
    });
  }
});
