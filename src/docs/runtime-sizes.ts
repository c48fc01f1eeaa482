/**
 * Writes `pyodide/runtime-sizes.json` after the build: the size of each runtime file the page
 * downloads, and of the snapshot once unzipped, so that a block can say how far the download is
 * in the bytes the browser hands it (`src/delivery/download-progress.ts` says why a response's
 * own `Content-Length` cannot be trusted for that).
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RUNTIME_SIZES_FILE, SNAPSHOT_FILE } from "../runner/paths.ts";

/** The files the page downloads to run Python (`runtime-assets.ts`). */
const DOWNLOADED = ["pyodide.asm.wasm", SNAPSHOT_FILE, "python_stdlib.zip", "pyodide-lock.json"];

/** The sizes record for the runtime in `dir`; a file the build lacks is left out. */
export function runtimeSizes(dir: string): {
  files: Record<string, number>;
  snapshotUnzipped: number;
} {
  const files: Record<string, number> = {};
  for (const file of DOWNLOADED) {
    try {
      files[file] = statSync(join(dir, file)).size;
    } catch {
      // (no snapshot: the page then boots cold and never fetches one)
    }
  }
  let snapshotUnzipped = 0;
  if (files[SNAPSHOT_FILE] !== undefined) {
    // gzip's trailer ends with the unzipped size (mod 2^32; the snapshot is ~31 MB).
    const gz = readFileSync(join(dir, SNAPSHOT_FILE));
    snapshotUnzipped = gz.readUInt32LE(gz.length - 4);
  }
  return { files, snapshotUnzipped };
}

/** Writes the record into `dir` (the build's `pyodide/`). */
export function writeRuntimeSizes(dir: string): void {
  writeFileSync(join(dir, RUNTIME_SIZES_FILE), `${JSON.stringify(runtimeSizes(dir))}\n`);
}
