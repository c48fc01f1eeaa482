// The site's service worker, in three parts the build joins into one script, <base>sw.js, with
// the manifest filled in (src/docs/integration.ts): this one (its constants, its events and which
// request goes where), precache.js and ahead.js. Its jobs:
//
// 1. The site's headers on hosts that cannot send them: documents get COOP/COEP/CORP (so the page
//    can use SharedArrayBuffer: Stop, input()), the CSP and the other headers of
//    src/docs/headers.ts; the runner worker's script gets its own CSP. Every other response is
//    returned untouched (same-origin subresources need no added headers), so the browser can
//    keep its compiled code (wasm, scripts) for it.
// 2. Offline and fast repeat visits: the build's files, each with its own revision. A file that
//    passes through this worker (the page's own download of the runtime) is kept with its
//    revision, so the precache never downloads it again: one download per file per visit. The
//    page asks for the precache when its first run starts, not before. A deploy
//    re-downloads only the files whose revision changed (bypassing the HTTP cache); files the
//    previous deploy used are kept one more deploy, so a tab opened before it still runs. The
//    cache is named after this worker's scope, so two deploys on one origin never touch each
//    other's. Pages are network-first (fresh when online), everything else cache-first; storing a
//    copy is never on a response's path, so a full disk never fails a response.
// 3. A first visit's runtime download starts as the page that installed this worker reloads into
//    isolation, not after the reload (ahead.js).
/* exported VERSION, UNZIP, INDEX, PARALLEL, STALL_MS, REVISION, RUNTIME_DIR */
const VERSION = __VERSION__;
const MANIFEST = __MANIFEST__;
const SITE_HEADERS = __SITE_HEADERS__;
const WORKER_CSP = __WORKER_CSP__;
const WORKER_DIR = __WORKER_DIR__;
/** The runtime's folder (Pyodide's files), the one downloaded ahead of a first visit's reload. */
const RUNTIME_DIR = __RUNTIME_DIR__;
/** Gzipped files kept decompressed (the interpreter snapshot: the page then skips gunzip). */
const UNZIP = __UNZIP__;
const SCOPE = new URL(self.registration.scope);
const CACHE = `python-halted ${SCOPE.pathname}`;
/** The cache's own record: the revision of each file it holds, and the previous deploy's files. */
const INDEX = new URL("__precache-index__", SCOPE).href;
const PARALLEL = 4;
/** A precache download that receives nothing for this long is given up (tried next time). */
const STALL_MS = 30_000;
/** The header a kept copy carries: the manifest revision it was fetched as. */
const REVISION = "X-Precache-Revision";

/** A URL's path inside the scope, as the manifest names it (the scope's own page is "./"). */
const pathOf = (url) => new URL(url).pathname.slice(SCOPE.pathname.length) || "./";
const forget = () => undefined;
/* global precacheOnce, keepable, startAhead, takeAhead */

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of the old all-or-nothing scheme (one per deploy) are this worker's to drop.
      for (const key of await caches.keys())
        if (key.startsWith("python-halted-")) await caches.delete(key);
      await self.clients.claim();
      // A reader who already has the site cached gets this deploy's changes at once.
      const cache = await caches.open(CACHE);
      if (await cache.match(INDEX)) await precacheOnce();
    })().catch(forget),
  );
});

// A page asks for the precache when its first run starts: only a reader who runs code downloads
// the rest; a first visit's page about to reload into isolation asks for the runtime ahead of it.
self.addEventListener("message", (event) => {
  if (event.data?.type === "precache") event.waitUntil(precacheOnce());
  else if (event.data?.type === "ahead") event.waitUntil(startAhead(event));
});

/** A copy of `response` with the site's headers (and `csp`, if given). */
function withHeaders(response, csp) {
  if (!response || response.type === "opaque" || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(SITE_HEADERS)) headers.set(name, value);
  if (csp) headers.set("Content-Security-Policy", csp);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** Keeps a copy of a manifest file, off the response's path; failing to store it is harmless. */
function store(event, request, response) {
  const path = pathOf(request.url);
  if (response.status !== 200 || response.type !== "basic" || !(path in MANIFEST)) return;
  const copy = response.clone();
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.put(request.url, await keepable(path, copy));
    })().catch(forget),
  );
}

async function fromCache(request) {
  try {
    return await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  } catch {
    return undefined;
  }
}

async function networkFirst(event) {
  try {
    const response = await fetch(event.request);
    store(event, event.request, response);
    return response;
  } catch (error) {
    const cached = await fromCache(event.request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(event) {
  const cached = await fromCache(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  store(event, event.request, response);
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin) return;
  if (!url.pathname.startsWith(SCOPE.pathname)) return;
  // A Range request goes to the network as it is: the cache holds whole files only.
  if (request.headers.has("range")) return;
  if (request.mode === "navigate" || request.destination === "document")
    event.respondWith(networkFirst(event).then((r) => withHeaders(r)));
  else if (pathOf(request.url).startsWith(WORKER_DIR))
    event.respondWith(cacheFirst(event).then((r) => withHeaders(r, WORKER_CSP)));
  else
    event.respondWith(takeAhead(request)?.then((r) => r ?? cacheFirst(event)) ?? cacheFirst(event));
});
