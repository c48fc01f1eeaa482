/**
 * The article's runnable blocks, read from `content/` through the docs' one walk: tests run the
 * code a reader sees, never a copy of it that could drift from the page.
 */
import { readFileSync } from "node:fs";
import { blocksOf } from "../../src/docs/doc-blocks.ts";
import type { DocBlock } from "../../src/docs/python-fences.ts";

const ARTICLE = "content/halt-python-script";
const root = new URL("../../", import.meta.url);

/** Block `index` (1-based, as `example-N`) of an article section, e.g. `sys-exit.mdx`. */
export function articleBlock(fileName: string, index = 1): DocBlock {
  const file = `${ARTICLE}/${fileName}`;
  const block = blocksOf(file, readFileSync(new URL(file, root), "utf8"))[index - 1];
  if (!block) throw new Error(`${file} has no runnable block ${String(index)}`);
  return block;
}
