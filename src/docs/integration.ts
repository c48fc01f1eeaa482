/**
 * Astro integration: after the build, writes the interpreter snapshot (`snapshot.ts`) and the
 * runtime files' sizes (`runtime-sizes.ts`), then
 * `<base>sw.js` from `src/service-worker/` with the manifest of built files (each with its own
 * revision), and a `_headers` file (Netlify, Cloudflare Pages) with the isolation and cache
 * headers.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { withTrailingSlash } from "../site/base-path.ts";
import { SITE_HEADERS, WORKER_CSP, WORKER_DIR } from "./headers.ts";
import { RUNTIME_DIR, SNAPSHOT_FILE } from "../runner/paths.ts";
import { snapshotRevision, writeBuildSnapshot } from "./snapshot.ts";
import { writeRuntimeSizes } from "./runtime-sizes.ts";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** The `_headers` text for a site served under `base` (e.g. `/` or `/repo/`). */
export function headersFile(base: string): string {
  return [
    `${base}*`,
    ...Object.entries(SITE_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    // Hosts combine the two policies of a worker script: it gets the stricter of both.
    `${base}${WORKER_DIR}*`,
    `  Content-Security-Policy: ${WORKER_CSP}`,
    `${base}_astro/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    `${base}${RUNTIME_DIR}*`,
    "  Cache-Control: public, max-age=86400",
    `${base}sw.js`,
    "  Cache-Control: no-cache",
    "",
  ].join("\n");
}

/** A short content hash: a file's revision, a deploy's version. */
const digest = (bytes: Buffer | string): string =>
  createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/**
 * Each built file's revision: a hash of its bytes, except the snapshot's, which is a hash of what
 * it is made from (two builds from the same sources make equivalent snapshots, not equal bytes).
 */
export function buildManifest(out: string): Record<string, string> {
  const built = files(out)
    .map((f) => relative(out, f).split("\\").join("/"))
    .filter((f) => f !== "sw.js" && f !== "_headers" && !f.endsWith(".map"))
    .sort();
  return Object.fromEntries(
    built.map((f) => [
      f.endsWith("index.html") ? f.slice(0, -"index.html".length) || "./" : f,
      f === `${RUNTIME_DIR}${SNAPSHOT_FILE}`
        ? snapshotRevision(join(out, RUNTIME_DIR))
        : digest(readFileSync(join(out, f))),
    ]),
  );
}

/** The service worker's parts (`src/service-worker/`), in the order they are joined. */
const SERVICE_WORKER_PARTS = ["main.js", "precache.js", "ahead.js"];

/** The service worker's source for a deploy with this manifest (its parts, joined and filled in). */
export function renderServiceWorker(manifest: Record<string, string>): string {
  const version = digest(JSON.stringify(manifest));
  return SERVICE_WORKER_PARTS.map((part) =>
    readFileSync(new URL(`../service-worker/${part}`, import.meta.url), "utf8"),
  )
    .join("\n")
    .replace("__VERSION__", JSON.stringify(version))
    .replace("__MANIFEST__", JSON.stringify(manifest))
    .replace("__SITE_HEADERS__", JSON.stringify(SITE_HEADERS))
    .replace("__WORKER_CSP__", JSON.stringify(WORKER_CSP))
    .replace("__WORKER_DIR__", JSON.stringify(WORKER_DIR))
    .replace("__RUNTIME_DIR__", JSON.stringify(RUNTIME_DIR))
    .replace("__UNZIP__", JSON.stringify([`${RUNTIME_DIR}${SNAPSHOT_FILE}`]));
}

/** Writes `<out>/sw.js` for the files in `out`. */
export function writeServiceWorker(out: string): void {
  writeFileSync(join(out, "sw.js"), renderServiceWorker(buildManifest(out)));
}

/** The integration; `base` is Astro's base path. */
export function serviceWorker(): AstroIntegration {
  let base = "/";
  return {
    name: "python-halted:service-worker",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = withTrailingSlash(config.base);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const bytes = await writeBuildSnapshot(join(out, RUNTIME_DIR));
          logger.info(`interpreter snapshot: ${(bytes / 1e6).toFixed(1)} MB gzipped`);
        } catch (error) {
          // Not fatal: readers' browsers then boot Python cold (slower first Run).
          logger.warn(`no interpreter snapshot (${String(error)}); the first Run will boot cold`);
        }
        writeRuntimeSizes(join(out, RUNTIME_DIR));
        writeServiceWorker(out);
        writeFileSync(join(out, "_headers"), headersFile(base));
      },
    },
  };
}
