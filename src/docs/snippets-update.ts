/**
 * `npm run snippets:update`: runs every runnable block in `content/` through the runner core and
 * records what it really did in `content/<article>/_expected.json`. The record is never typed by
 * hand; `npm test` fails when a block's declaration or the record no longer matches a real run.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { allBlocks } from "./doc-blocks.ts";
import { expectedFileOf, type ExpectedFile } from "./expected.ts";
import { endingOf, formatEnding } from "./fence-meta.ts";
import { createNodeRunner } from "./node-runner.ts";
import { blockName, runBlock, toExpected } from "./verify-blocks.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const nodeRunner = createNodeRunner();

for (const [dir, blocks] of allBlocks(root)) {
  const record: ExpectedFile = {};
  for (const block of blocks) {
    const observed = await runBlock(nodeRunner, block);
    record[block.key] = toExpected(block, observed);
    const declared = block.meta.expect ? "" : "  (no expect= on the fence yet)";
    process.stdout.write(
      `${blockName(block)}: ${formatEnding(endingOf(observed.result))}${declared}\n`,
    );
  }
  writeFileSync(expectedFileOf(dir), `${JSON.stringify(record, null, 2)}\n`);
}
process.exit(0);
