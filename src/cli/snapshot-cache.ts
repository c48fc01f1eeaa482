/**
 * Keeps the booted-interpreter memory snapshot on disk between CLI runs, so each
 * `npm run snippet` restores Pyodide in ~0.2 s instead of booting it cold in ~3 s. The key holds
 * the Pyodide version and a hash of the preloaded modules; a stale or unreadable file is ignored.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { version as pyodideVersion } from "pyodide";
import { PRELOAD_MODULES } from "../runner/driver.ts";

export const CACHE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../node_modules/.cache/python-halted",
);

/** The cache file for this Pyodide version and driver preload. */
export function snapshotPath(): string {
  const key = createHash("sha256").update(PRELOAD_MODULES).digest("hex").slice(0, 12);
  return join(CACHE_DIR, `pyodide-${pyodideVersion}-${key}.snapshot`);
}

/** The cached snapshot, or undefined when there is none yet. */
export function readSnapshot(): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(snapshotPath()));
  } catch {
    return undefined;
  }
}

/** Stores a snapshot atomically (write then rename), so parallel runs never read half a file. */
export function writeSnapshot(snapshot: Uint8Array): void {
  const path = snapshotPath();
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${String(process.pid)}.tmp`;
  writeFileSync(tmp, snapshot);
  renameSync(tmp, path);
}
