/**
 * The verified results of an article's blocks, kept in `content/<article>/_expected.json` and
 * written only by `npm run snippets:update` from real runs. The build shows them under each block
 * (readable without JavaScript); the docs check fails when a real run no longer matches them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunResult } from "../runner/result.ts";

/** The file name of the expectations kept beside an article's MDX files. */
export const EXPECTED_FILE = "_expected.json";

/** The expectations file of an article folder. */
export function expectedFileOf(articleDir: string): string {
  return join(articleDir, EXPECTED_FILE);
}

/** A run's result without its timing (distributes over the union of outcomes). */
export type TimelessResult = RunResult extends infer R
  ? R extends unknown
    ? Omit<R, "durationMs">
    : never
  : never;

/** The result with its timing removed, for records that must not change from run to run. */
export function withoutTiming(result: RunResult): TimelessResult {
  const copy: Partial<RunResult> = { ...result };
  delete copy.durationMs;
  return copy as TimelessResult;
}

/** What one block did when it was last verified. */
export interface ExpectedRun {
  /** The code that produced it; a different code means the expectation is stale. */
  source: string;
  stdout: string;
  stderr: string;
  /** The run's result without its timing. */
  result: TimelessResult;
}

/** An article's records, by block key (`python-fences.ts` `blockKey`). */
export type ExpectedFile = Record<string, ExpectedRun>;

/** A record as a run to show: the timing it dropped is put back as zero. */
export function asRun(expected: ExpectedRun): ExpectedRun & { result: RunResult } {
  return { ...expected, result: { ...expected.result, durationMs: 0 } };
}

/** Reads an expectations file; an absent file is an empty one. */
export function readExpected(path: string): ExpectedFile {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ExpectedFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`${path} is not valid JSON: ${String(error)}`, { cause: error });
  }
}
