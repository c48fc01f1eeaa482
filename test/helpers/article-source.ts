/**
 * Reads the article as it was written (a copy of the original text, kept in the repo so CI has it)
 * into
 * the parts the site must reproduce: frontmatter text, prose paragraphs and code blocks.
 */
import { readFileSync } from "node:fs";

export interface ArticleSource {
  frontmatter: string;
  /** Prose paragraphs and headings, Markdown markup stripped to the words a reader sees. */
  prose: string[];
  /** The body of every fenced code block, in order. */
  code: string[];
}

const ORIGINAL = new URL("../fixtures/halt-python-script.md", import.meta.url);

/** Strips inline Markdown (`code`, **bold**, heading hashes) to plain words. */
function plain(line: string): string {
  return line
    .replace(/^#+\s*/, "")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .trim();
}

/** Parses the original text; `[TOC]` is a directive, not prose, so it is left out. */
export function readArticleSource(): ArticleSource {
  const text = readFileSync(ORIGINAL, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match?.[1] || match[2] === undefined)
    throw new Error("the original article has no frontmatter");
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
