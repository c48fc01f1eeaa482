/**
 * The page's single `RunnerClient`, created on first use: one worker per page, shared by every
 * block. Pyodide is served by the site itself under `<base>pyodide/`.
 */
import { RunnerClient } from "./runner-client.ts";

let client: RunnerClient | null = null;

/** Why runs cannot work on this page, or null when they can. */
export function unsupportedReason(): string | null {
  if (typeof SharedArrayBuffer === "undefined" || !globalThis.crossOriginIsolated) {
    return "This page is not cross-origin isolated, so the runner cannot share memory with Python (needed for Stop and input()). Serve the site with the COOP/COEP headers described in the README.";
  }
  if (typeof Worker === "undefined") return "This browser cannot start Web Workers.";
  return null;
}

/** The page's runner (created on first call). */
export function pageRunner(): RunnerClient {
  client ??= new RunnerClient(
    new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}pyodide/`, location.href).href,
    () =>
      new Worker(new URL("../worker/runner.worker.ts", import.meta.url), {
        type: "module",
        name: "python-runner",
      }),
  );
  client.onstate = (state) => {
    document.documentElement.dataset["runnerState"] = state;
  };
  return client;
}
