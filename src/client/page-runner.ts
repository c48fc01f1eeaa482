/**
 * The page's single `RunnerClient`, created on first use: one worker per page, shared by every
 * block. Pyodide is served by the site itself under `<base>pyodide/`.
 */
import { RunnerClient } from "./runner-client.ts";

let client: RunnerClient | null = null;

/** Why runs cannot work on this page at all, or null when they can. */
export function unsupportedReason(): string | null {
  return typeof Worker === "undefined" ? "This browser cannot start Web Workers." : null;
}

/** True when the page can share memory with the worker (Stop as SIGINT, input(), live output). */
export function isolated(): boolean {
  return typeof SharedArrayBuffer !== "undefined" && globalThis.crossOriginIsolated;
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
    isolated(),
  );
  client.onstate = (state) => {
    document.documentElement.dataset["runnerState"] = state;
  };
  return client;
}
