/**
 * A wrong frontmatter field must fail the build with the file and the field named. This runs
 * `astro sync` (the step of `astro build` that validates content) on a scratch copy of the site.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

function syncWith(edit: (dir: string) => void): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "halted-content-"));
  try {
    for (const item of [
      "astro.config.mjs",
      "package.json",
      "tsconfig.json",
      "src",
      "content",
      "public",
    ]) {
      cpSync(join(root, item), join(dir, item), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    edit(dir);
    const run = spawnSync(
      process.execPath,
      [join(root, "node_modules/astro/bin/astro.mjs"), "sync"],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      },
    );
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rewrite(file: string, from: RegExp, to: string): void {
  const text = readFileSync(file, "utf8");
  assert.match(text, from, `fixture ${file} no longer contains ${String(from)}`);
  writeFileSync(file, text.replace(from, to));
}

test("the content as committed syncs cleanly", () => {
  const { status, output } = syncWith(() => undefined);
  assert.equal(status, 0, output);
});

test("a section with a non-numeric order fails, naming file and field", () => {
  const { status, output } = syncWith((dir) => {
    rewrite(join(dir, "content/halt-python-script/os-exit.mdx"), /^order: 2$/m, "order: two");
  });
  assert.notEqual(status, 0);
  assert.match(output, /content\/halt-python-script\/os-exit\.mdx/);
  assert.match(output, /\border\b/);
});

test("an overview missing `tldr` fails, naming file and field", () => {
  const { status, output } = syncWith((dir) => {
    rewrite(join(dir, "content/halt-python-script/index.mdx"), /^tldr: .*\n/m, "");
  });
  assert.notEqual(status, 0);
  assert.match(output, /content\/halt-python-script\/index\.mdx/);
  assert.match(output, /\btldr\b/);
});
