// The page's first script, run in <head> before first paint. It is an external classic script
// (not inline) so that the site's Content-Security-Policy allows no inline script at all.
//
// 1. A stored theme is applied at once, so it never flashes the other one: data-theme sets the
//    page's color-scheme (global.css); without it the CSS follows prefers-color-scheme. After a
//    page turn (client-side router) it is applied again.
// 2. The service worker caches the site for offline use and, on hosts that cannot send headers,
//    adds them itself; then one reload makes a page with runnable code cross-origin isolated.
//    The reload happens at most once per tab session, so it can never loop.
//
// The site's base path comes from the script element's data-base attribute.
(() => {
  const applyTheme = () => {
    try {
      const theme = localStorage.getItem("theme");
      if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
    } catch {
      /* storage blocked: follow prefers-color-scheme */
    }
  };
  applyTheme();
  // Page turns swap <html>'s attributes for the next page's (Astro's client-side router).
  document.addEventListener("astro:after-swap", applyTheme);
  const base = document.currentScript?.dataset.base ?? "/";
  // A page turn keeps the document, and with it its isolation or the lack of it: from a page
  // that is not cross-origin isolated while the service worker is there to isolate the next one,
  // the turn is a full load instead.
  document.addEventListener("astro:before-preparation", (event) => {
    if (window.crossOriginIsolated || !("serviceWorker" in navigator)) return;
    if (navigator.serviceWorker.controller) event.preventDefault();
  });
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const flag = "python-halted:isolation-reload";
  // Whether this page means to reload once the service worker serves it: the runtime's download
  // waits for that reload instead of crossing the link twice (src/delivery/site-worker.ts).
  const noReload = () => {
    window.pythonHaltedReloadPending = false;
    window.dispatchEvent(new Event("python-halted:no-reload"));
  };
  try {
    window.pythonHaltedReloadPending = !window.crossOriginIsolated && !sessionStorage.getItem(flag);
  } catch {
    window.pythonHaltedReloadPending = false;
  }
  // The reload's runtime download, started by the service worker as this page leaves (not after
  // the reload: on a reader's link that is most of a second), unless the reader saves data
  // (Save-Data or a 2G link, as src/delivery/data-saver.ts decides): then Run downloads it.
  const downloadAhead = () => {
    const link = /** @type {{ connection?: { saveData?: boolean, effectiveType?: string } }} */ (
      navigator
    ).connection;
    if (link?.saveData === true || /^(slow-)?2g$/.test(link?.effectiveType ?? "")) return;
    navigator.serviceWorker.controller?.postMessage({ type: "ahead" });
  };
  const parsed = new Promise((resolve) => {
    if (document.readyState !== "loading") resolve(undefined);
    else document.addEventListener("DOMContentLoaded", resolve, { once: true });
  });
  const registered = navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      // A real browser resolves with a registration; a stubbed-out register() (as a test
      // harness's "block service workers" does) resolves with nothing, and nothing will serve.
      if (!(registration instanceof ServiceWorkerRegistration)) throw new Error("no registration");
    });
  registered.catch(() => {
    // No service worker (blocked, private mode): the runner degrades, and says why
    // (src/client/page-limits.ts reads this flag and hears this event).
    window.pythonHaltedNoServiceWorker = true;
    window.dispatchEvent(new Event("python-halted:no-service-worker"));
  });
  registered
    .then(() => Promise.all([navigator.serviceWorker.ready, parsed]))
    .then(() => {
      // Only a page with code to run reloads; any other page is isolated at its next turn.
      if (window.crossOriginIsolated || !document.querySelector("[data-runnable]")) {
        noReload();
        return;
      }
      const reloadOnce = () => {
        let first;
        try {
          first = !sessionStorage.getItem(flag);
          if (first) sessionStorage.setItem(flag, "1");
        } catch {
          first = false;
        }
        if (first) {
          downloadAhead();
          location.reload();
        } else noReload();
      };
      if (navigator.serviceWorker.controller) reloadOnce();
      else navigator.serviceWorker.addEventListener("controllerchange", reloadOnce, { once: true });
    })
    .catch(() => {
      // No service worker (said above), or storage blocked: the page stays as it is.
      noReload();
    });
})();
