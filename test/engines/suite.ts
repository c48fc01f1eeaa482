/**
 * The smoke suite, registered as node:test tests for one engine: the built site (`dist/`) served
 * with the site's headers, and again without them for the degraded mode. Each check also fails on
 * any page error. Times are written to `test-results/engines/<engine>.json` and printed: they are
 * what the README's "Browsers" table reports, never asserted here.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { siteServer } from "../../e2e/static-server.mjs";
import {
  ARTICLE,
  articleSection,
  limitNote,
  playgroundLink,
  readInput,
  stopProgram,
  type EngineFacts,
  type Ending,
} from "./checks.ts";
import { waitFor, type Engine } from "./engine.ts";

const ISOLATED_PORT = 4335;
const PLAIN_PORT = 4336;

/** A run's times in whole milliseconds, as reported. */
const rounded = (end: Ending): { runMs: number; stopMs: number | null } => ({
  runMs: Math.round(end.runMs),
  stopMs: end.stopMs === null ? null : Math.round(end.stopMs),
});

/** A second launch, for the degraded mode: the engine with a capability taken away. */
export interface Degraded {
  what: string;
  launch: () => Promise<Engine>;
  facts: EngineFacts;
}

export function engineSuite(
  id: string,
  launch: () => Promise<Engine>,
  facts: EngineFacts,
  degraded: Degraded | null,
): void {
  if (!existsSync("dist/index.html")) throw new Error("No dist/: run `npm run build` first.");
  const isolated = siteServer({ sites: [{ base: "/", dir: "dist" }], isolate: true });
  const plain = siteServer({ sites: [{ base: "/", dir: "dist" }] });
  const base = `http://localhost:${String(ISOLATED_PORT)}/`;
  const plainBase = `http://localhost:${String(PLAIN_PORT)}/`;
  const times: Record<string, { runMs: number; stopMs: number | null }> = {};
  let engine: Engine | null = null;
  let name = id;

  before(async () => {
    await Promise.all([isolated.listen(ISOLATED_PORT), plain.listen(PLAIN_PORT)]);
    engine = await launch();
    name = engine.name;
  });
  after(async () => {
    await engine?.close();
    await Promise.all([isolated.close(), plain.close()]);
    mkdirSync("test-results/engines", { recursive: true });
    writeFileSync(`test-results/engines/${id}.json`, JSON.stringify({ name, times }, null, 2));
    console.log(`${name}: ${JSON.stringify(times)}`);
  });

  /** Runs `check` in the engine; records its times; fails on any page error. */
  const check = (title: string, body: (e: Engine) => Promise<Ending | null>): void => {
    test(title, async () => {
      assert.ok(engine, "the engine did not start");
      const end = await body(engine);
      if (end) times[title] = rounded(end);
      // The spares (two) boot before the page is left, as while a reader reads the ending:
      // leaving sooner aborts their imports, which Firefox reports as the next page's error.
      await waitFor(engine, "Number(document.documentElement.dataset.runnerSpares) >= 2", "spares");
      assert.deepEqual(await engine.problems(), []);
    });
  };

  for (const section of ARTICLE) {
    check(`article: ${section}`, (e) => articleSection(e, base, section, facts));
  }
  check("Stop on a busy loop", (e) =>
    stopProgram(e, base, "print('spinning')\nwhile True:\n    pass\n", facts),
  );
  check("Stop on time.sleep(30)", (e) =>
    stopProgram(e, base, "import time\nprint('sleeping')\ntime.sleep(30)\n", facts),
  );
  check("input()", (e) => readInput(e, base, facts));
  check("a playground link", (e) => playgroundLink(e, base));
  check("the note on what is missing", async (e) => {
    await limitNote(e, base, facts);
    return null;
  });

  if (!degraded) return;
  test(`degraded: ${degraded.what}`, async () => {
    const reduced = await degraded.launch();
    try {
      await limitNote(reduced, plainBase, degraded.facts);
      const stopped = await stopProgram(
        reduced,
        plainBase,
        "while True:\n    pass\n",
        degraded.facts,
      );
      times["degraded: Stop"] = rounded(stopped);
      await readInput(reduced, plainBase, degraded.facts);
      assert.deepEqual(await reduced.problems(), []);
    } finally {
      await reduced.close();
    }
  });
}
