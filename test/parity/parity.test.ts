/**
 * Parity: every snippet in `corpus/` runs under CPython (`python3 -u`, SIGINT after the same
 * delay) and under the runner's CLI; stdout, stderr and exit status must match after `normalise`.
 * A snippet opts into an interrupt with a first line `# parity: interrupt-after=MS`.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { newestCpython, runProcess } from "../../src/docs/cpython.ts";
import { normalise } from "../../src/docs/normalise.ts";

const root = new URL("../../", import.meta.url).pathname;
const corpus = join(root, "test/parity/corpus");
const cpython = newestCpython();

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
        // CPython gets SIGINT from outside, as from a terminal; the CLI presses Stop itself.
        const [theirs, ours] = await Promise.all([
          runProcess(cpython.python, ["-u", path], { signalAfterMs: interruptAfter }),
          runProcess(process.execPath, cliArgs),
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
