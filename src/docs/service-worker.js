// The site's service worker: one small file with two jobs.
//
// 1. The site's headers on hosts that cannot send them: every same-origin response it serves
//    gets COOP/COEP/CORP (so the page can use SharedArrayBuffer: Stop, input()), the CSP and the
//    other security headers of src/docs/headers.ts.
// 2. Offline and fast repeat visits: the build's files are cached under this deploy's version;
//    a new deploy gets a new version, and activation deletes every older cache, so versions never
//    mix. Pages are network-first (fresh when online), everything else cache-first.
//
// The build copies this file to <base>sw.js with the version and the precache list filled in.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const SITE_HEADERS = __SITE_HEADERS__;
const WORKER_CSP = __WORKER_CSP__;
const WORKER_DIR = __WORKER_DIR__;
const CACHE = `python-halted-${VERSION}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // One file that cannot be fetched must not keep the worker (and isolation) from installing.
      .then((cache) =>
        Promise.all(
          PRECACHE.map((path) => cache.add(new URL(path, SCOPE).href).catch(() => undefined)),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("python-halted-") && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/**
 * The response with the site's headers added (`src/docs/headers.ts`: isolation, CSP, …; the
 * runner worker's script gets its own CSP). Opaque and error responses pass through.
 */
function withSiteHeaders(request, response) {
  if (!response || response.status === 0 || response.type === "opaque") return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SITE_HEADERS)) headers.set(name, value);
  const path = new URL(request.url).pathname.slice(SCOPE.pathname.length);
  if (path.startsWith(WORKER_DIR)) headers.set("Content-Security-Policy", WORKER_CSP);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  const pending =
    request.mode === "navigate" || request.destination === "document"
      ? networkFirst(request)
      : cacheFirst(request);
  event.respondWith(pending.then((response) => withSiteHeaders(request, response)));
});
