// Copies the runtime files of the pinned `pyodide` npm package into public/pyodide/, so the site
// serves Python itself (never a CDN). Run before `astro build` / `astro dev`; the folder is not
// committed. Skips a file whose copy has the same size and is not older than the package's.
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const from = join(root, "node_modules", "pyodide");
const to = join(root, "public", "pyodide");
const FILES = [
  "pyodide.mjs",
  "pyodide.asm.mjs",
  "pyodide.asm.wasm",
  "python_stdlib.zip",
  "pyodide-lock.json",
];

mkdirSync(to, { recursive: true });
for (const file of FILES) {
  const src = join(from, file);
  const dest = join(to, file);
  const a = statSync(src);
  let same;
  try {
    const b = statSync(dest);
    same = a.size === b.size && a.mtimeMs <= b.mtimeMs;
  } catch {
    same = false;
  }
  if (!same) copyFileSync(src, dest);
}
