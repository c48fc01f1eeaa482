/**
 * `npm run snippets:update`: runs every runnable block in `content/` through the runner core and
 * records what it really did in `content/<article>/_expected.json`. The record is never typed by
 * hand; `npm test` fails when a block's declaration or the record no longer matches a real run.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";
import { createInterruptBuffer } from "../channels/interrupt.ts";
import { Runner } from "../runner/runner.ts";
import { EXPECTED_FILE, allBlocks } from "./doc-blocks.ts";
import type { ExpectedFile } from "./expected.ts";
import { blockName, endingOf, runBlock, toExpected } from "./verify-blocks.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const buffer = createInterruptBuffer();
const runner = new Runner({ loadPyodide, interruptBuffer: buffer });

for (const [dir, blocks] of allBlocks(root)) {
  const record: ExpectedFile = {};
  for (const block of blocks) {
    const observed = await runBlock(runner, buffer, block);
    record[block.key] = toExpected(block, observed);
    const declared = block.meta.expect ? "" : "  (no expect= on the fence yet)";
    process.stdout.write(`${blockName(block)}: ${endingOf(observed.result)}${declared}\n`);
  }
  writeFileSync(join(dir, EXPECTED_FILE), `${JSON.stringify(record, null, 2)}\n`);
}
process.exit(0);
