/**
 * The bench's server (the built site with its headers, and the baseline page under
 * `/bench-baseline/`) and its statistics.
 */
import { join } from "node:path";
import { siteServer } from "../e2e/static-server.mjs";

export const root = new URL("../", import.meta.url).pathname;
const PORT = 4330;
export const ORIGIN = `http://localhost:${String(PORT)}`;

/** Serves `dist/` with the site's headers, and the baseline; resolves a function that stops it. */
export async function serve(): Promise<() => Promise<void>> {
  const server = siteServer({
    sites: [{ base: "/", dir: join(root, "dist") }],
    isolate: true,
    mount: { path: "/bench-baseline/", dir: join(root, "bench/baseline") },
  });
  await server.listen(PORT);
  return server.close;
}

export interface Stats {
  samples: number[];
  min: number;
  median: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return {
    samples,
    min: s[0] ?? NaN,
    median: s[Math.floor(s.length / 2)] ?? NaN,
    max: s.at(-1) ?? NaN,
  };
}
