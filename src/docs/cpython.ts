/**
 * Finds the CPython to compare against: `PARITY_PYTHON` if set, else the newest `python3.X` on
 * PATH or under pyenv (Pyodide ships 3.14; the closest CPython makes the fairest comparison).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

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
