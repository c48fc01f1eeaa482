/**
 * The boot's warm-up (`warm()` in driver.py, called as the driver attaches) runs a throwaway
 * program's start, print and traceback so their WebAssembly is compiled before the first Run. A
 * program must not be able to tell: the interpreter's modules, files and line cache are as they
 * were before it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadPyodide } from "pyodide";
import { PRELOAD_MODULES, RUNNER_FILENAME } from "../../src/runner/driver.ts";
import { readDriver } from "../../src/runner/driver-file.ts";

const LOOK = `import sys, os, linecache, json
json.dumps([sorted(sys.modules), sorted(os.listdir("/tmp")), sorted(linecache.cache)])`;

test("the warm-up leaves the interpreter's modules, /tmp and line cache as they were", async () => {
  const pyodide = await loadPyodide();
  pyodide.runPython(PRELOAD_MODULES);
  pyodide.runPython(readDriver(), { filename: RUNNER_FILENAME });
  const before = pyodide.runPython(LOOK) as string;
  pyodide.runPython("warm()", { filename: RUNNER_FILENAME });
  const after = pyodide.runPython(LOOK) as string;
  assert.deepEqual(JSON.parse(after), JSON.parse(before));
});
