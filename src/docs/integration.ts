/**
 * Astro integration: after the build, writes the interpreter snapshot (`snapshot.ts`), then
 * `<base>sw.js` from `service-worker.js` with this deploy's version (a hash of every built file)
 * and the list of files to precache, and a `_headers` file (Netlify, Cloudflare Pages) with the
 * isolation and cache headers.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { withTrailingSlash } from "../site/base-path.ts";
import { SITE_HEADERS, WORKER_CSP, WORKER_DIR } from "./headers.ts";
import { writeBuildSnapshot } from "./snapshot.ts";

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
    `${base}pyodide/*`,
    "  Cache-Control: public, max-age=86400",
    `${base}sw.js`,
    "  Cache-Control: no-cache",
    "",
  ].join("\n");
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
          const bytes = await writeBuildSnapshot(join(out, "pyodide"));
          logger.info(`interpreter snapshot: ${(bytes / 1e6).toFixed(1)} MB gzipped`);
        } catch (error) {
          // Not fatal: readers' browsers then boot Python cold (slower first Run).
          logger.warn(`no interpreter snapshot (${String(error)}); the first Run will boot cold`);
        }
        const built = files(out)
          .map((f) => relative(out, f).split("\\").join("/"))
          .filter((f) => f !== "sw.js" && f !== "_headers" && !f.endsWith(".map"))
          .sort();
        const hash = createHash("sha256");
        for (const f of built) hash.update(f).update(readFileSync(join(out, f)));
        const precache = built.map((f) =>
          f.endsWith("index.html") ? f.slice(0, -"index.html".length) || "./" : f,
        );
        const template = readFileSync(new URL("./service-worker.js", import.meta.url), "utf8");
        writeFileSync(
          join(out, "sw.js"),
          template
            .replace("__VERSION__", hash.digest("hex").slice(0, 16))
            .replace("__PRECACHE__", JSON.stringify(precache))
            .replace("__SITE_HEADERS__", JSON.stringify(SITE_HEADERS))
            .replace("__WORKER_CSP__", JSON.stringify(WORKER_CSP))
            .replace("__WORKER_DIR__", JSON.stringify(WORKER_DIR)),
        );
        writeFileSync(join(out, "_headers"), headersFile(base));
      },
    },
  };
}
