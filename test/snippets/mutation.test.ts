/**
 * The docs check must catch a one-character change that alters a block's ending, naming the
 * block and the old and new ending.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { blocksOf } from "../../src/docs/doc-blocks.ts";
import { expectedFileOf, readExpected } from "../../src/docs/expected.ts";
import { createNodeRunner } from "../../src/docs/node-runner.ts";
import { checkAgainstDeclaration, runBlock } from "../../src/docs/verify-blocks.ts";

const root = new URL("../../", import.meta.url).pathname;
const file = "content/halt-python-script/sys-exit.mdx";
const expectedFile = expectedFileOf(join(root, "content/halt-python-script"));
const nodeRunner = createNodeRunner();

test("sys.exit(0) -> sys.exit(2) in the article's block fails, naming the block and both endings", async () => {
  const text = readFileSync(join(root, file), "utf8");
  const mutated = text.replace("sys.exit(0)", "sys.exit(2)");
  assert.notEqual(mutated, text);
  const [block] = blocksOf(file, mutated);
  assert.ok(block);
  const expected = readExpected(expectedFile)[block.key];
  const problems = checkAgainstDeclaration(block, await runBlock(nodeRunner, block), expected);
  const all = problems.join("\n");
  assert.match(all, /content\/halt-python-script\/sys-exit\.mdx, block 1 \(line 8\)/);
  assert.match(all, /declares `exit 0` but the real run ends `exit 2`/);
  assert.match(all, /no verified output for this code/);
});

test("the unmutated block passes the same check", async () => {
  const [block] = blocksOf(file, readFileSync(join(root, file), "utf8"));
  assert.ok(block);
  const expected = readExpected(expectedFile)[block.key];
  assert.deepEqual(checkAgainstDeclaration(block, await runBlock(nodeRunner, block), expected), []);
});

test("fence meta errors and a missing declaration are reported", () => {
  const [block] = blocksOf("x.mdx", '```python expect="exit" bogus\nprint(1)\n```\n');
  assert.ok(block);
  assert.deepEqual(block.meta.errors, [
    'expect="exit" needs a status 0-255, e.g. expect="exit 0"',
    'unknown fence word "bogus"',
  ]);
  assert.equal(blocksOf("x.mdx", "```python norun\nx\n```\n").length, 0);
});
