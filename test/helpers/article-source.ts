/**
 * Reads the seed article (a copy of `shared/seed/000_…txt` kept in the repo so CI has it) into
 * the parts the site must reproduce: frontmatter text, prose paragraphs and code blocks.
 */
import { readFileSync } from "node:fs";

export interface SeedArticle {
  frontmatter: string;
  /** Prose paragraphs and headings, Markdown markup stripped to the words a reader sees. */
  prose: string[];
  /** The body of every fenced code block, in order. */
  code: string[];
}

const SEED = new URL("../fixtures/seed-article.md", import.meta.url);

/** Strips inline Markdown (`code`, **bold**, heading hashes) to plain words. */
function plain(line: string): string {
  return line
    .replace(/^#+\s*/, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .trim();
}

/** Parses the seed file; `[TOC]` is a directive, not prose, so it is left out. */
export function readSeed(): SeedArticle {
  const text = readFileSync(SEED, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new Error("seed has no frontmatter");
  const body = match[2];
  const code: string[] = [];
  const withoutCode = body.replace(/```python\n([\s\S]*?)```/g, (_m, src: string) => {
    code.push(src);
    return "";
  });
  const prose = withoutCode
    .split(/\n{2,}/)
    .map((p) => plain(p))
    .filter((p) => p.length > 0 && p !== "[TOC]");
  return { frontmatter: match[1], prose, code };
}
