/**
 * The page's side of the site's service worker (`src/service-worker/`, registered by
 * `page-head.js`): when the runtime may start downloading, and when the worker may cache the rest
 * of the site.
 *
 * One download per file per visit: a runtime file fetched while the page is not yet served by the
 * service worker goes past it, and the worker would fetch it a second time to keep it. So the
 * page's first runtime request waits until the worker serves the page (it claims the page as it
 * activates, a few hundred milliseconds into a first visit) or it is known that none will; the
 * worker keeps a copy of each runtime file that passes through it. A page that is about to be
 * reloaded into cross-origin isolation downloads nothing: its reload does.
 */

/** The event and window flag `page-head.js` sets when the service worker cannot be registered. */
export const NO_SERVICE_WORKER_EVENT = "python-halted:no-service-worker";
const NO_SERVICE_WORKER_FLAG = "pythonHaltedNoServiceWorker";
/** The window flag `page-head.js` keeps true while it means to reload the page into isolation. */
const RELOAD_PENDING_FLAG = "pythonHaltedReloadPending";
/** The event `page-head.js` sends when it will not reload after all. */
const NO_RELOAD_EVENT = "python-halted:no-reload";

/**
 * The longest the runtime waits for the service worker: past it (a worker that cannot install,
 * on a link too slow even for its 10 KB) the page downloads on its own, and the worker's precache
 * may fetch the runtime a second time later.
 */
export const CONTROL_WAIT_MS = 10_000;

const flag = (name: string): boolean => (globalThis as Record<string, unknown>)[name] === true;

/** No service worker will serve this page: unsupported, not a secure context, or not registered. */
export function serviceWorkerUnavailable(): boolean {
  if (!("serviceWorker" in navigator) || !globalThis.isSecureContext) return true;
  return flag(NO_SERVICE_WORKER_FLAG);
}

/**
 * Resolves once the page's requests go through the site's service worker (or at once when no
 * worker will serve it), and at the latest after `waitMs`. While the page means to reload into
 * isolation it waits for that reload, which ends this page.
 */
export function servedBySiteWorker(waitMs = CONTROL_WAIT_MS): Promise<void> {
  const ready = (): boolean =>
    serviceWorkerUnavailable() ||
    (!flag(RELOAD_PENDING_FLAG) && navigator.serviceWorker.controller !== null);
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (ready()) finish();
    };
    const finish = (): void => {
      clearTimeout(timer);
      navigator.serviceWorker.removeEventListener("controllerchange", check);
      removeEventListener(NO_RELOAD_EVENT, check);
      resolve();
    };
    const timer = setTimeout(finish, waitMs);
    // Whichever hears controllerchange first, page-head.js keeps the reload flag set until it
    // reloads or says it will not (no-reload), so a page about to reload never downloads.
    navigator.serviceWorker.addEventListener("controllerchange", check);
    addEventListener(NO_RELOAD_EVENT, check);
  });
}

let asked = false;

/**
 * Asks the site's service worker, once it is active, to cache the rest of the site for offline
 * use and fast repeat visits. Called when the first run starts: only a reader who runs code
 * downloads more than the page, and nothing competes with the runtime's own download.
 */
export function askForPrecache(): void {
  if (asked || serviceWorkerUnavailable()) return;
  asked = true;
  navigator.serviceWorker.ready
    .then((registration) => {
      registration.active?.postMessage({ type: "precache" });
    })
    .catch(() => undefined);
}
