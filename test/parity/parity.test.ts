/**
 * Parity: every snippet in `corpus/` runs under CPython and under the runner's CLI, three ways —
 * piped with `-u`, piped (block-buffered), and on a pseudo-terminal (line-buffered, stdout and
 * stderr one stream, Ctrl+C typed into it) — and stdout, stderr and exit status must match after
 * `normalise`. A snippet opts into an interrupt with a first line `# parity: interrupt-after=MS`
 * or into signals with `# parity: send=TERM@300` (`directives.ts`), and out of colour on the
 * terminal with a line `# parity: no-colour (why)`. In the two piped modes the same CLI run also
 * writes its result (`--result`), and its way-out account must equal CPython's (`way-out.ts`).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ProcessRun } from "../../src/docs/cpython.ts";
import { BUFFERED_ENV, PTY_RUN, newestCpython, runProcess } from "../../src/docs/cpython.ts";
import { normalise } from "../../src/docs/normalise.ts";
import { cliFlags, processSends, ptySchedule, signalsOf, type Sent } from "./directives.ts";
import { comparable, cpythonAccount, hasAccount, resultFile } from "./way-out.ts";

const root = new URL("../../", import.meta.url).pathname;
const corpus = join(root, "test/parity/corpus");
const cpython = newestCpython();

type Runner = (
  command: [string, ...string[]],
  sent: Sent[],
  noColour: boolean,
) => Promise<ProcessRun>;

/** Runs a command with its streams into pipes, in `env`, sent the signals at their times. */
const piped =
  (env: NodeJS.ProcessEnv): Runner =>
  ([command, ...args], sent) =>
    runProcess(command, args, { sends: processSends(sent), env });

/**
 * The three ways a script meets its streams. CPython gets SIGINT from outside after the delay:
 * piped, to its process group (as Ctrl+C from a terminal does); on the pseudo-terminal, Ctrl+C
 * typed into it. The CLI presses Stop itself that long after its program starts (Pyodide boots
 * first, so a clock from the process start would land before the program runs).
 */
const MODES: { name: string; flags: string[]; env: NodeJS.ProcessEnv | null; run: Runner }[] = [
  { name: "piped, -u", flags: ["-u"], env: process.env, run: piped(process.env) },
  { name: "piped", flags: [], env: BUFFERED_ENV, run: piped(BUFFERED_ENV) },
  {
    name: "terminal",
    flags: [],
    // The way out's recorder needs the streams to itself: its account is compared piped only.
    env: null,
    run: (command, sent, noColour) =>
      runProcess("python3", [PTY_RUN, ptySchedule(sent), ...command], {
        env: noColour ? { ...BUFFERED_ENV, NO_COLOR: "1" } : BUFFERED_ENV,
      }),
  },
];

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
      const text = readFileSync(path, "utf8");
      const sent = signalsOf(text);
      const noColour = /^# parity: no-colour/m.test(text);
      for (const mode of MODES) {
        test(`${file} (${mode.name})`, async () => {
          const cli: [string, ...string[]] = [
            process.execPath,
            join(root, "src/cli/snippet.ts"),
            ...mode.flags,
            path,
          ];
          cli.push(...cliFlags(sent));
          const withAccount = mode.env !== null && hasAccount(sent);
          const result = withAccount ? resultFile() : null;
          if (result) cli.push("--result", result.path);
          const [theirs, ours, theirAccount] = await Promise.all([
            mode.run([cpython.python, ...mode.flags, path], sent, noColour),
            mode.run(cli, [], noColour),
            mode.env && withAccount ? cpythonAccount(path, mode.flags, sent, mode.env) : null,
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
          if (result) {
            const bytes = Buffer.byteLength(ours.stdout);
            assert.deepEqual(
              comparable(result.account(), path, bytes),
              comparable(theirAccount, path, bytes),
              "the way out differs",
            );
          }
        });
      }
    }
  },
);
