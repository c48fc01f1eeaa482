/**
 * The runner core hosted in this Node thread, the way the docs checks, the comparison probes and
 * the tests use it: real `pyodide`, `driver.py` read from disk, and a shared SIGINT buffer that
 * another thread (`interrupter.ts`) writes while this one is busy running Python.
 */
import { loadPyodide } from "pyodide";
import { createInterruptBuffer, interruptReceiver } from "../channels/interrupt.ts";
import { readDriver } from "../runner/driver-file.ts";
import { Runner } from "../runner/runner.ts";

/** A runner and the controller's end of its SIGINT channel. */
export interface NodeRunner {
  runner: Runner;
  interruptBuffer: Int32Array;
}

/** A fresh runner (its first run boots Pyodide and makes the memory snapshot). */
export function createNodeRunner(): NodeRunner {
  const interruptBuffer = createInterruptBuffer();
  const runner = new Runner({
    loadPyodide,
    driver: readDriver(),
    interrupt: interruptReceiver(interruptBuffer),
  });
  return { runner, interruptBuffer };
}
