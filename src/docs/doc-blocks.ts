/**
 * Finds the runnable blocks of the articles in `content/`: every ```` ```python ```` fence not
 * marked `norun`, numbered per file in the same order as the page numbers them (`example-N`).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { parseFenceMeta, type FenceMeta } from "./fence-meta.ts";

/** One runnable block of an MDX file. */
export interface DocBlock {
  /** Path from the repository root, e.g. `content/halt-python-script/sys-exit.mdx`. */
  file: string;
  /** 1-based position among the file's runnable blocks (`example-N` on the page). */
  index: number;
  /** Key in the article's `_expected.json`: `<file name>#<index>`. */
  key: string;
  /** 1-based line of the fence in the file, for messages. */
  fenceLine: number;
  source: string;
  meta: FenceMeta;
}

/** The file name of the expectations kept beside an article's MDX files. */
export const EXPECTED_FILE = "_expected.json";

/** Runnable blocks of one MDX text. */
export function blocksOf(file: string, text: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const fence = /^```python([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm;
  let index = 0;
  for (const match of text.matchAll(fence)) {
    const meta = parseFenceMeta(match[1]);
    if (meta.norun) continue;
    index += 1;
    const name = file.split("/").at(-1) ?? file;
    blocks.push({
      file,
      index,
      key: `${name}#${String(index)}`,
      fenceLine: text.slice(0, match.index).split("\n").length,
      source: match[2] ?? "",
      meta,
    });
  }
  return blocks;
}

/** Every runnable block under `contentDir`, by article folder. */
export function allBlocks(root: string, contentDir = "content"): Map<string, DocBlock[]> {
  const byArticle = new Map<string, DocBlock[]>();
  const base = join(root, contentDir);
  for (const article of readdirSync(base, { withFileTypes: true })) {
    if (!article.isDirectory()) continue;
    const dir = join(base, article.name);
    const blocks = readdirSync(dir)
      .filter((f) => f.endsWith(".mdx"))
      .sort()
      .flatMap((f) => blocksOf(relative(root, join(dir, f)), readFileSync(join(dir, f), "utf8")));
    byArticle.set(dir, blocks);
  }
  return byArticle;
}
