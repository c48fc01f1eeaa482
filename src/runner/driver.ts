/**
 * What the JS half of the core needs to know about the Python half (`driver.py`). The driver's
 * text itself is loaded by each host: the browser worker imports it as text at build time
 * (`driver.py?raw`), Node hosts read the file (`driver-file.ts`).
 */

/** Frames compiled under this name belong to the runner and never reach a traceback. */
export const RUNNER_FILENAME = "<runner>";

/** Modules the driver needs; imported before the memory snapshot so each run skips them. */
export const PRELOAD_MODULES =
  "import atexit, io, json, linecache, os, signal, sys, time, traceback, types";
