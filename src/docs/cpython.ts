/**
 * CPython beside the runner: finds the one to compare against (`PARITY_PYTHON` if set, else the
 * newest `python3.X` on PATH or under pyenv — Pyodide ships 3.14, the closest CPython makes the
 * fairest comparison) and runs programs the way a shell would, for the docs checks, the
 * comparison test and the parity suite. `runProcess` is the one spawner: its own process group,
 * SIGINT as Ctrl+C sends it, the whole group killed on timeout, one exit-status rule.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { constants, homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SNIPPET_FILE } from "../runner/paths.ts";

function version(python: string): [number, number, number] | null {
  try {
    const out = execFileSync(python, ["-c", "import sys; print(*sys.version_info[:3])"], {
      encoding: "utf8",
    });
    const [a, b, c] = out.trim().split(" ").map(Number);
    return a !== undefined && b !== undefined && c !== undefined ? [a, b, c] : null;
  } catch {
    return null;
  }
}

/** Absolute path (or command name) and version of the newest CPython 3 found. */
export function newestCpython(): { python: string; version: string } {
  const fromEnv = process.env["PARITY_PYTHON"];
  const candidates = fromEnv ? [fromEnv] : ["python3.14", "python3.13", "python3.12", "python3"];
  if (!fromEnv) {
    const root = process.env["PYENV_ROOT"] ?? join(homedir(), ".pyenv");
    const versions = join(root, "versions");
    if (existsSync(versions)) {
      for (const v of readdirSync(versions)) {
        const bin = join(versions, v, "bin", "python3");
        if (existsSync(bin)) candidates.push(bin);
      }
    }
  }
  let best: { python: string; v: [number, number, number] } | null = null;
  for (const python of candidates) {
    const v = version(python);
    if (!v || v[0] !== 3) continue;
    if (!best || v[1] > best.v[1] || (v[1] === best.v[1] && v[2] > best.v[2])) best = { python, v };
  }
  if (!best) throw new Error("no CPython 3 found: install python3 or set PARITY_PYTHON");
  return { python: best.python, version: best.v.join(".") };
}

/** What a finished process did. */
export interface ProcessRun {
  stdout: string;
  stderr: string;
  /** What `$?` would show: the exit code, or 128 + the signal number when a signal ended it. */
  status: number;
  /** Still running after `timeoutMs`, so its process group was killed (status 137). */
  timedOut: boolean;
}

/** The shell's exit status of a process that exited with `code` or was ended by `signal`. */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? constants.signals[signal] : 0);
}

/**
 * Runs `command` in its own process group with stdin closed, collecting its output. SIGINT goes
 * to the group `signalAfterMs` after the start (as a terminal's Ctrl+C does), and each of `sends`
 * at its time (as `kill -TERM` would); after `timeoutMs` the whole group is killed, so no
 * grandchild outlives it or holds its pipes open.
 */
export function runProcess(
  command: string,
  args: string[],
  {
    signalAfterMs = null,
    sends = [],
    timeoutMs = 60_000,
    env = process.env,
  }: {
    signalAfterMs?: number | null;
    sends?: readonly { signal: NodeJS.Signals; afterMs: number }[];
    timeoutMs?: number;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env,
    });
    const group = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is gone already: nothing left to signal.
      }
    };
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const signals = [
      ...(signalAfterMs === null ? [] : [{ signal: "SIGINT" as const, afterMs: signalAfterMs }]),
      ...sends,
    ].map(({ signal, afterMs }) =>
      setTimeout(() => {
        group(signal);
      }, afterMs),
    );
    const guard = setTimeout(() => {
      timedOut = true;
      group("SIGKILL");
    }, timeoutMs);
    const done = (): void => {
      for (const timer of signals) clearTimeout(timer);
      clearTimeout(guard);
    };
    child.on("error", (error) => {
      done();
      reject(error);
    });
    child.on("close", (code, signal) => {
      done();
      resolve({ stdout, stderr, status: exitStatus(code, signal), timedOut });
    });
  });
}

/** This environment without PYTHONUNBUFFERED (set on some machines), for buffered streams. */
export const BUFFERED_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== "PYTHONUNBUFFERED"),
);

/** `pty_run.py`: runs a command on a new 80 × 24 pseudo-terminal and prints what it received. */
export const PTY_RUN = fileURLToPath(new URL("./pty_run.py", import.meta.url));

/**
 * Runs `source` under CPython from a temporary folder (removed after): piped as
 * `python -u snippet.py`, or (`terminal`) as `python snippet.py` in an 80 × 24 colour terminal,
 * its stdout then being all the terminal received (ONLCR's "\r\n" read back as "\n"). SIGINT
 * after `interruptAfterMs` (typed as Ctrl+C on the terminal). The file's path shows as
 * `SNIPPET_FILE`, as on the page.
 */
export async function runCpython(
  python: string,
  source: string,
  options: { interruptAfterMs: number | null; timeoutMs?: number; terminal?: boolean },
): Promise<ProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), "halted-cpython-"));
  try {
    const file = join(dir, "snippet.py");
    writeFileSync(file, source);
    const timeoutMs = options.timeoutMs ?? 30_000;
    const ran = options.terminal
      ? await runProcess(python, [PTY_RUN, String(options.interruptAfterMs ?? -1), python, file], {
          timeoutMs,
          env: BUFFERED_ENV,
        })
      : await runProcess(python, ["-u", file], {
          signalAfterMs: options.interruptAfterMs,
          timeoutMs,
        });
    const shown = (s: string): string => {
      const text = s.split(file).join(SNIPPET_FILE);
      return options.terminal ? text.replaceAll("\r\n", "\n") : text;
    };
    return { ...ran, stdout: shown(ran.stdout), stderr: shown(ran.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
