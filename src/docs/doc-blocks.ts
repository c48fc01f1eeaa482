/**
 * The runnable blocks of the articles in `content/`, read from disk for the verifier,
 * `snippets:update` and the tests: each MDX file is parsed (remark + MDX, as the build parses it)
 * and walked by `python-fences.ts`, the same walk the build wraps blocks with.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { findPythonFences, type DocBlock } from "./python-fences.ts";

const parser = unified().use(remarkParse).use(remarkMdx);

/**
 * The text with a leading YAML frontmatter block blanked out, every line kept, as Astro hands MDX
 * to the pipeline: the YAML is not MDX, and fence lines must stay where they are in the file.
 */
export function blankFrontmatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, " ") + text.slice(match[0].length) : text;
}

/**
 * Runnable blocks of one MDX text; `file` names it in keys and messages. Throws, naming file and
 * line, on a Python fence the pipeline does not handle (the build fails on the same ones).
 */
export function blocksOf(file: string, text: string): DocBlock[] {
  const value = blankFrontmatter(text);
  const { blocks, problems } = findPythonFences(parser.parse(value), value, file);
  if (problems.length) throw new Error(problems.map((p) => p.message).join("\n"));
  return blocks.map((found) => found.block);
}

/** Every runnable block under `contentDir`, by article folder (absolute path). */
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
