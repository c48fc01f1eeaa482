/**
 * The page's single `RunnerClient`, created on first use: one worker per page, shared by every
 * block. Pyodide is served by the site itself under `<base>pyodide/`.
 */
import { RUNTIME_DIR } from "../runner/paths.ts";
import { withTrailingSlash } from "../site/base-path.ts";
import { missingCapability } from "./page-limits.ts";
import { RunnerClient } from "./runner-client.ts";

let client: RunnerClient | null = null;

/** Why runs cannot work on this page at all, or null when they can. */
export function unsupportedReason(): string | null {
  return typeof Worker === "undefined" ? "This browser cannot start Web Workers." : null;
}

/** The page's runner (created on first call; `created` hears about it once). */
export function pageRunner(created?: (client: RunnerClient) => void): RunnerClient {
  if (client) return client;
  client = new RunnerClient(
    new URL(`${withTrailingSlash(import.meta.env.BASE_URL)}${RUNTIME_DIR}`, location.href).href,
    () =>
      new Worker(new URL("../worker/runner.worker.ts", import.meta.url), {
        type: "module",
        name: "python-runner",
      }),
    missingCapability() === null,
  );
  const left = client;
  addEventListener("pagehide", () => {
    left.leave();
  });
  created?.(client);
  return client;
}
