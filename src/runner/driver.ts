/**
 * What the JS half of the core needs to know about the Python half (`driver_pure.py` and
 * `driver.py`). The text itself is loaded by each host: the browser worker imports both files as
 * text at build time (`?raw`), Node hosts read them (`driver-file.ts`).
 */

/** The one text the interpreter runs: the pure helpers first, so the driver finds their names. */
export function driverText(pure: string, driver: string): string {
  return `${pure}\n${driver}`;
}

/** Frames compiled under this name belong to the runner and never reach a traceback. */
export const RUNNER_FILENAME = "<runner>";

/** Modules the driver needs; imported before the memory snapshot so each run skips them. */
export const PRELOAD_MODULES =
  "import atexit, io, json, linecache, os, signal, sys, time, traceback, types";
