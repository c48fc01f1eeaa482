/**
 * Build-time interpreter snapshot: boots Pyodide once in Node during `astro build`, with the
 * driver's modules imported, and writes the memory snapshot gzipped next to Pyodide's files. The
 * browser restores it (~0.3 s) instead of booting cold (~3 s); if it fails to load, the runner
 * boots cold as before.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";
import { DRIVER_FILES } from "../runner/driver.ts";
import { makeSnapshot } from "../runner/interpreter.ts";
import { SNAPSHOT_FILE } from "../runner/paths.ts";

/** Writes the snapshot into `pyodideDir`; returns its compressed size in bytes. */
export async function writeBuildSnapshot(pyodideDir: string): Promise<number> {
  const snapshot = await makeSnapshot(loadPyodide, undefined);
  const gz = gzipSync(snapshot, { level: 6 });
  writeFileSync(join(pyodideDir, SNAPSHOT_FILE), gz);
  return gz.length;
}

/** The snapshot's sources: what it restores into must be the same for two builds to share it. */
const SOURCES = [...DRIVER_FILES, "driver.ts", "interpreter.ts", "pyodide-types.ts"].map(
  (f) => new URL(`../runner/${f}`, import.meta.url),
);

/**
 * A revision for the snapshot made from these sources and the Pyodide files in `pyodideDir`:
 * snapshots are not byte-for-byte reproducible, but two made from the same inputs are
 * interchangeable, so a returning reader keeps theirs until the inputs change.
 */
export function snapshotRevision(pyodideDir: string): string {
  const hash = createHash("sha256");
  const inputs = readdirSync(pyodideDir)
    .filter((f) => f !== SNAPSHOT_FILE)
    .sort()
    .map((f) => join(pyodideDir, f));
  for (const file of [...inputs, ...SOURCES]) hash.update(readFileSync(file));
  return `inputs-${hash.digest("hex").slice(0, 16)}`;
}
