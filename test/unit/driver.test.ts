/**
 * The driver is real Python: the newest CPython compiles `driver.py`, and one unittest module
 * (`test/driver/test_driver.py`: exit statuses, traceback trimming, halting lines) passes both
 * under that CPython and inside Pyodide, so the two interpreters agree on what a run means.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";
import { newestCpython, runProcess } from "../../src/docs/cpython.ts";
import { DRIVER_FILES } from "../../src/runner/driver.ts";

const root = new URL("../../", import.meta.url).pathname;
const runnerDir = join(root, "src/runner");
const testDir = join(root, "test/driver");
const testFile = "test_driver.py";
const cpython = newestCpython();

/** The tests that spawn CPython to check the expectations: the only ones Pyodide may skip. */
const CPYTHON_ONLY = [
  "test_driver.CPythonAgreesTest.test_each_case_against_this_cpython",
  "test_driver.CPythonAgreesTest.test_std_streams_as_this_cpython_makes_them_piped",
];

/** Runs the newest CPython without writing bytecode next to the sources. */
async function python(args: string[]): Promise<{ status: number; output: string }> {
  const done = await runProcess(cpython.python, ["-B", ...args], { timeoutMs: 120_000 });
  return { status: done.status, output: `${done.stdout}${done.stderr}` };
}

/** How many tests unittest says it ran, from its summary line. */
function ranCount(output: string): number {
  const match = /^Ran (\d+) tests? in /m.exec(output);
  assert.ok(match?.[1], `no "Ran N tests" line in:\n${output}`);
  return Number(match[1]);
}

let cpythonRan = 0;

test(`CPython ${cpython.version} compiles the driver with warnings as errors`, async () => {
  const compileIt = [
    "import pathlib, sys",
    "for path in sys.argv[1:]:",
    "    compile(pathlib.Path(path).read_text(encoding='utf-8'), path, 'exec', dont_inherit=True)",
  ].join("\n");
  const paths = DRIVER_FILES.map((name) => join(runnerDir, name));
  const { status, output } = await python(["-W", "error", "-c", compileIt, ...paths]);
  assert.equal(status, 0, output);
  assert.equal(output, "");
});

test(`the driver's unit tests pass under CPython ${cpython.version}`, async () => {
  const { status, output } = await python([
    "-m",
    "unittest",
    "discover",
    "-v",
    "-s",
    testDir,
    "-t",
    testDir,
    "-p",
    testFile,
  ]);
  assert.equal(status, 0, output);
  cpythonRan = ranCount(output);
  assert.ok(cpythonRan >= 20, `only ${String(cpythonRan)} tests ran:\n${output}`);
  assert.doesNotMatch(output, /skipped/, output);
});

test("the same unit tests pass inside Pyodide", async () => {
  const pyodide = await loadPyodide();
  // The same layout as the repository, so the test module finds the driver the same way.
  const write = pyodide.runPython(`
import pathlib
def write(path, text):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
write
`) as (path: string, text: string) => void;
  for (const name of DRIVER_FILES)
    write(`/repo/src/runner/${name}`, readFileSync(join(runnerDir, name), "utf8"));
  write("/repo/test/driver/test_driver.py", readFileSync(join(testDir, testFile), "utf8"));
  const report = JSON.parse(
    pyodide.runPython(`
import importlib.util, io, json, sys, unittest
spec = importlib.util.spec_from_file_location("test_driver", "/repo/test/driver/test_driver.py")
module = importlib.util.module_from_spec(spec)
sys.modules["test_driver"] = module
spec.loader.exec_module(module)
stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromModule(module)
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
json.dumps({
    "version": sys.version.split()[0],
    "ok": result.wasSuccessful(),
    "ran": result.testsRun,
    "skipped": sorted(test.id() for test, _ in result.skipped),
    "output": stream.getvalue(),
})
`) as string,
  ) as { version: string; ok: boolean; ran: number; skipped: string[]; output: string };
  const where = `Pyodide's Python ${report.version}:\n${report.output}`;
  assert.ok(report.ok, where);
  assert.deepEqual(report.skipped, CPYTHON_ONLY, where);
  assert.ok(report.ran >= 20, where);
  // Same module, same tests: a test that exists for one interpreter only would show here.
  if (cpythonRan > 0) assert.equal(report.ran, cpythonRan, where);
});
