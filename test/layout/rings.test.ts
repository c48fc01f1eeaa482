/**
 * The layout is a rule, not a hope: imports under `src/` follow the ring table, no two folders
 * import each other, the core and the client stay free of the DOM, and no file grows past the
 * limit. The checker is proved on planted violations in a temporary copy of `src/`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkImports, ringCycles } from "./check-imports.ts";
import { FORBIDDEN_GLOBALS, MAX_LINES, RINGS } from "./rings.ts";

const src = new URL("../../src", import.meta.url).pathname;
const rules = { rings: RINGS, forbiddenGlobals: FORBIDDEN_GLOBALS, maxLines: MAX_LINES };

/** Runs the checker on a copy of `src/` with `files` added (path under src -> text). */
function withPlanted(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "rings-"));
  try {
    cpSync(src, join(dir, "src"), { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, "src", path), text);
    return checkImports(join(dir, "src"), rules);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the ring table points one way", () => {
  assert.deepEqual(ringCycles(RINGS), []);
});

test("src/ follows the rings: every folder in the table, imports inward, small files", () => {
  const problems = checkImports(src, rules);
  assert.deepEqual(problems, [], problems.join("\n"));
});

test("an outward import is reported with its file and line", () => {
  const problems = withPlanted({
    "runner/planted.ts": '// planted\nimport { pageRunner } from "../client/page-runner.ts";\n',
  });
  assert.ok(
    problems.includes(
      'src/runner/planted.ts:2: runner may not import client ("../client/page-runner.ts")',
    ),
    problems.join("\n"),
  );
});

test("two folders importing each other are reported as a cycle", () => {
  const problems = withPlanted({
    "client/planted.ts": 'export { button } from "../components/block-parts.ts";\n',
  });
  const cycle = problems.find((p) => p.startsWith("client and components import each other"));
  assert.ok(cycle, problems.join("\n"));
  assert.match(cycle, /src\/client\/planted\.ts:1/);
});

test("a folder missing from the table, DOM in the core and an oversized file are reported", () => {
  const problems = withPlanted({
    "runner/dom.ts": "export const title = (): string => document.title;\n",
    "client/long.ts": "export {};\n".repeat(MAX_LINES + 1),
  });
  assert.ok(
    problems.includes("src/runner/dom.ts:1: runner/ must not use `document`"),
    problems.join("\n"),
  );
  assert.ok(
    problems.includes(
      `src/client/long.ts: ${String(MAX_LINES + 1)} lines (the limit is ${String(MAX_LINES)})`,
    ),
    problems.join("\n"),
  );
  const withoutCli = Object.fromEntries(Object.entries(RINGS).filter(([ring]) => ring !== "cli"));
  const unknown = checkImports(src, { ...rules, rings: withoutCli });
  assert.ok(
    unknown.some((p) => p.startsWith("src/cli: not in the ring table")),
    unknown.join("\n"),
  );
});
