/**
 * Verified docs: every runnable block in `content/` runs through the runner core (real Pyodide)
 * and under CPython. A block fails when its real ending differs from its `expect=` declaration,
 * when it declares nothing (and is not `norun`), when its output differs from the verified record
 * in `_expected.json`, or when CPython disagrees. Also runs alone as `npm run test:snippets`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { newestCpython } from "../../src/docs/cpython.ts";
import { allBlocks } from "../../src/docs/doc-blocks.ts";
import { expectedFileOf, readExpected } from "../../src/docs/expected.ts";
import { createNodeRunner } from "../../src/docs/node-runner.ts";
import {
  checkAgainstCpython,
  checkAgainstDeclaration,
  runBlock,
  runBlockCpython,
} from "../../src/docs/verify-blocks.ts";

const root = new URL("../../", import.meta.url).pathname;
const cpython = newestCpython();
const nodeRunner = createNodeRunner();
const articles = allBlocks(root);

test("content/ has runnable blocks to verify", () => {
  const count = [...articles.values()].reduce((n, blocks) => n + blocks.length, 0);
  assert.ok(count >= 4, `only ${String(count)} blocks found`);
});

for (const [dir, blocks] of articles) {
  const expected = readExpected(expectedFileOf(dir));
  for (const block of blocks) {
    test(`${block.file} block ${String(block.index)}`, async () => {
      const [observed, theirs] = await Promise.all([
        runBlock(nodeRunner, block),
        runBlockCpython(cpython.python, block),
      ]);
      const problems = [
        ...checkAgainstDeclaration(block, observed, expected[block.key]),
        ...checkAgainstCpython(block, observed, theirs, cpython.version),
      ];
      assert.deepEqual(problems, [], problems.join("\n\n"));
    });
  }
}
