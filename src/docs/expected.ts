/**
 * The verified results of an article's blocks, kept in `content/<article>/_expected.json` and
 * written only by `npm run snippets:update` from real runs. The build shows them under each block
 * (readable without JavaScript); the docs check fails when a real run no longer matches them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TimelessResult } from "../runner/result.ts";

/** The file name of the expectations kept beside an article's MDX files. */
export const EXPECTED_FILE = "_expected.json";

/** The expectations file of an article folder. */
export function expectedFileOf(articleDir: string): string {
  return join(articleDir, EXPECTED_FILE);
}

/** What one block did when it was last verified. */
export interface ExpectedRun {
  /** The code that produced it; a different code means the expectation is stale. */
  source: string;
  /** What its terminal received (80 × 24, colour): stdout and stderr in the order written. */
  terminal: string;
  /** The run's result without its timing. */
  result: TimelessResult;
}

/** An article's records, by block key (`python-fences.ts` `blockKey`). */
export type ExpectedFile = Record<string, ExpectedRun>;

/** Reads an expectations file; an absent file is an empty one. */
export function readExpected(path: string): ExpectedFile {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ExpectedFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`${path} is not valid JSON: ${String(error)}`, { cause: error });
  }
}
