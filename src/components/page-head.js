// The page's first script, run in <head> before first paint. It is an external classic script
// (not inline) so that the site's Content-Security-Policy allows no inline script at all.
//
// 1. A stored theme is applied at once, so it never flashes the other one: data-theme sets the
//    page's color-scheme (global.css); without it the CSS follows prefers-color-scheme.
// 2. The service worker caches the site for offline use and, on hosts that cannot send headers,
//    adds them itself; then one reload makes the page cross-origin isolated. The reload happens
//    at most once per tab session, so it can never loop.
//
// The site's base path comes from the script element's data-base attribute.
(() => {
  try {
    const theme = localStorage.getItem("theme");
    if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  } catch {
    /* storage blocked: follow prefers-color-scheme */
  }
  const base = document.currentScript?.dataset.base ?? "/";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const flag = "python-halted:isolation-reload";
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      if (window.crossOriginIsolated) return;
      const reloadOnce = () => {
        if (sessionStorage.getItem(flag)) return;
        sessionStorage.setItem(flag, "1");
        location.reload();
      };
      if (navigator.serviceWorker.controller) reloadOnce();
      else navigator.serviceWorker.addEventListener("controllerchange", reloadOnce, { once: true });
    })
    .catch(() => {
      /* no service worker (blocked, private mode): the runner degrades and says why */
    });
})();
