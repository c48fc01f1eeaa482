/**
 * The comparison table's data source: a content-collection loader that runs every probe
 * (`comparison.ts`) through the runner core when Astro syncs content (`astro build`, `astro sync`,
 * `astro dev`), one entry per cell. `ComparisonTable.astro` reads the cells with `getCollection`,
 * so the component never loads Pyodide or imports build code.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import type { Loader } from "astro/loaders";
import { z } from "astro/zod";
import { version as pyodideVersion } from "pyodide";
import type { ShownRun } from "../components/block-markup.ts";
import { isTimelessResult } from "../channels/validate.ts";
import { compareWays } from "./comparison.ts";

/**
 * Everything the answers depend on: the probes, the runner core (TS and Python) and Pyodide's
 * version. While it is unchanged, the cells from the last sync are still true and are kept.
 */
function inputsDigest(): string {
  const hash = createHash("sha256").update(pyodideVersion);
  const runner = new URL("../runner/", import.meta.url);
  const files = [
    new URL("./comparison.ts", import.meta.url),
    ...readdirSync(runner)
      .sort()
      .map((name) => new URL(name, runner)),
  ];
  for (const file of files) hash.update(file.pathname).update(readFileSync(file));
  return hash.digest("hex");
}

/** One cell of the table: where it sits, what it answers, and the probe that answered it. */
export const probeCellSchema = z.strictObject({
  /** `probe-<way>-<question>`: the probe's block id, which the cell links to. */
  id: z.string(),
  /** Row (question) and column (way), from 0, in the order of `QUESTIONS` and `WAYS`. */
  row: z.number().int().min(0),
  column: z.number().int().min(0),
  way: z.strictObject({
    id: z.string(),
    label: z.string(),
    /** Stop was pressed this long after the start (KeyboardInterrupt), else null. */
    stopAfterMs: z.number().nullable(),
  }),
  question: z.strictObject({ id: z.string(), label: z.string() }),
  source: z.string(),
  answer: z.string(),
  /** The probe's run (a `ShownRun`: checked by the runner's own result validation). */
  run: z.strictObject({
    source: z.string(),
    terminal: z.string(),
    result: z.custom<ShownRun["result"]>((v) => isTimelessResult(v)),
  }),
  /** The way-out step that proves the answer: its index in the run's way out. */
  proof: z.number().int().min(0),
});

/** The loader; registered as the `comparison` collection in `src/content.config.ts`. */
export function comparisonLoader(): Loader {
  return {
    name: "python-halted:comparison",
    schema: probeCellSchema,
    load: async (context) => {
      const digest = inputsDigest();
      if (context.meta.get("digest") === digest && context.store.keys().length > 0) {
        context.logger.info("probes unchanged since the last run; keeping their answers");
        return;
      }
      const started = performance.now();
      const rows = await compareWays();
      context.store.clear();
      for (const [row, cells] of rows.entries()) {
        for (const [column, cell] of cells.entries()) {
          const raw = {
            id: cell.id,
            row,
            column,
            way: {
              id: cell.way.id,
              label: cell.way.label,
              stopAfterMs: cell.way.stopAfterMs ?? null,
            },
            question: { id: cell.question.id, label: cell.question.label },
            source: cell.source,
            answer: cell.answer,
            run: cell.run,
            proof: cell.proof,
          };
          const data = await context.parseData({ id: cell.id, data: raw });
          context.store.set({ id: cell.id, data });
        }
      }
      context.meta.set("digest", digest);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.logger.info(`ran ${String(rows.flat().length)} probes in ${seconds} s`);
    },
  };
}
