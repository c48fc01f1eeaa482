/**
 * Build-time interpreter snapshot: boots Pyodide once in Node during `astro build`, with the
 * driver's modules imported, and writes the memory snapshot gzipped next to Pyodide's files. The
 * browser restores it (~0.3 s) instead of booting cold (~3 s); if it fails to load, the runner
 * boots cold as before.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "pyodide";
import { makeSnapshot } from "../runner/interpreter.ts";
import { SNAPSHOT_FILE } from "../runner/paths.ts";

/** Writes the snapshot into `pyodideDir`; returns its compressed size in bytes. */
export async function writeBuildSnapshot(pyodideDir: string): Promise<number> {
  const snapshot = await makeSnapshot(loadPyodide, undefined);
  const gz = gzipSync(snapshot, { level: 6 });
  writeFileSync(join(pyodideDir, SNAPSHOT_FILE), gz);
  return gz.length;
}
