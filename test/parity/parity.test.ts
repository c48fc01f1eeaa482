/**
 * Parity: every snippet in `corpus/` runs under CPython (`python3 -u`, SIGINT after the same
 * delay) and under the runner's CLI; stdout, stderr and exit status must match after `normalise`.
 * A snippet opts into an interrupt with a first line `# parity: interrupt-after=MS`.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { newestCpython } from "../../src/docs/cpython.ts";
import { normalise } from "../../src/docs/normalise.ts";

const root = new URL("../../", import.meta.url).pathname;
const corpus = join(root, "test/parity/corpus");
const cpython = newestCpython();

interface Ran {
  stdout: string;
  stderr: string;
  status: number;
}

function run(
  command: string,
  args: string[],
  interruptAfter: number | null,
  signalSelf: boolean,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    if (interruptAfter !== null && signalSelf)
      setTimeout(() => child.kill("SIGINT"), interruptAfter);
    const guard = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      const status = code ?? (signal === "SIGINT" ? 130 : signal === "SIGKILL" ? 137 : 255);
      resolve({ stdout, stderr, status });
    });
  });
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith(".py"))
  .sort();

void describe(
  `parity with CPython ${cpython.version} (${cpython.python})`,
  { concurrency: 2 },
  () => {
    test("the corpus is there", () => {
      assert.ok(files.length >= 40, `only ${String(files.length)} snippets`);
    });
    for (const file of files) {
      const path = join(corpus, file);
      const directive = /^# parity: interrupt-after=(\d+)/.exec(readFileSync(path, "utf8"));
      const interruptAfter = directive?.[1] ? Number(directive[1]) : null;
      test(file, async () => {
        const cliArgs = [join(root, "src/cli/snippet.ts"), path];
        if (interruptAfter !== null) cliArgs.push("--interrupt-after", String(interruptAfter));
        const [theirs, ours] = await Promise.all([
          run(cpython.python, ["-u", path], interruptAfter, true),
          run(process.execPath, cliArgs, interruptAfter, false),
        ]);
        assert.equal(
          normalise(ours.stdout, path),
          normalise(theirs.stdout, path),
          "stdout differs",
        );
        assert.equal(
          normalise(ours.stderr, path),
          normalise(theirs.stderr, path),
          "stderr differs",
        );
        assert.equal(ours.status, theirs.status, "exit status differs");
      });
    }
  },
);
