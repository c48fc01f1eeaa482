/**
 * What the JS half of the core needs to know about the Python half (`DRIVER_FILES`). The text
 * itself is loaded by each host: the browser worker imports the files as text at build time
 * (`?raw`), Node hosts read them (`driver-file.ts`).
 */

/**
 * The driver's files, in the order they run as one text: the pure helpers and the way-out
 * recorder first, so the driver finds their names.
 */
export const DRIVER_FILES = [
  "driver_pure.py",
  "way_out_source.py",
  "way_out_streams.py",
  "way_out_exits.py",
  "way_out.py",
  "driver_signals.py",
  "driver.py",
] as const;

/** The one text the interpreter runs: `DRIVER_FILES`' texts, in order. */
export function driverText(...parts: string[]): string {
  return parts.join("\n");
}

/** Frames compiled under this name belong to the runner and never reach a traceback. */
export const RUNNER_FILENAME = "<runner>";

/** Modules the driver needs; imported before the memory snapshot so each run skips them. */
export const PRELOAD_MODULES =
  "import ast, atexit, dis, io, json, linecache, os, signal, sys, time, tokenize, traceback, types";
