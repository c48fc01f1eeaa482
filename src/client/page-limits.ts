/**
 * What this page cannot do, and why, in the reader's words. Shared memory (a SharedArrayBuffer
 * between the page and the worker) carries Stop's KeyboardInterrupt, every signal, and `input()`;
 * a page without it still runs programs, but Stop and signals terminate the interpreter and
 * `input()` reads end of file. A page lacks it in one of three ways, each named for what is
 * actually missing:
 *
 * - `shared-array-buffer`: the page is cross-origin isolated, but the browser offers no
 *   SharedArrayBuffer (WebKitGTK, measured).
 * - `service-worker`: the host sends no COOP/COEP headers, and no service worker can add them
 *   (unsupported, blocked, a private window, or not a secure context).
 * - `isolation-headers`: the host sends no COOP/COEP headers, and the site's service worker,
 *   which adds them, is not serving this page yet (the first visit, before its one reload).
 */

import { serviceWorkerUnavailable } from "../delivery/site-worker.ts";

export type MissingCapability = "shared-array-buffer" | "service-worker" | "isolation-headers";

/** What keeps this page from sharing memory with its workers, or null when nothing does. */
export function missingCapability(): MissingCapability | null {
  if (globalThis.crossOriginIsolated) {
    return typeof SharedArrayBuffer === "undefined" ? "shared-array-buffer" : null;
  }
  return serviceWorkerUnavailable() ? "service-worker" : "isolation-headers";
}

const CAUSES: Record<MissingCapability, string> = {
  "shared-array-buffer":
    "this browser has no SharedArrayBuffer (the page is cross-origin isolated, but the browser offers no shared memory)",
  "service-worker":
    "this page is not cross-origin isolated, because the host sends no COOP/COEP headers and no service worker can add them here (service workers are blocked or unsupported, or this is a private window)",
  "isolation-headers":
    "this page is not cross-origin isolated, because the host sends no COOP/COEP headers and the site's service worker, which adds them, is not serving this page yet (reload the page)",
};

/** Why shared memory is missing right now (a service worker's failure may be learnt late). */
export function missingCause(): string {
  const missing = missingCapability();
  return missing ? CAUSES[missing] : "this page cannot share memory with its workers";
}

/** Why Stop had to kill without trying SIGINT. */
export function stopKillsReason(): string {
  return `${missingCause()}, so Stop could not deliver KeyboardInterrupt to the script and terminated the interpreter instead`;
}

/** Why a SIGTERM had to kill. */
export function sigtermKillsReason(): string {
  return `${missingCause()}, so no signal can reach the program's handlers: SIGTERM terminated the interpreter instead`;
}

/** Added to the ending of a run whose program read its input. */
export function inputEofNote(): string {
  return `input() read end of file: ${missingCause()}, so nothing typed can reach a running program.`;
}

/** Shown with each block before it runs. */
export function limitNotice(missing: MissingCapability): string {
  return `Limited here: ${CAUSES[missing]}. Programs run, but Stop ends them at once instead of raising KeyboardInterrupt, signals cannot reach their handlers, and input() reads end of file.`;
}
