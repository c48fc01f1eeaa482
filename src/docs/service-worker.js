// The site's service worker: one small file with two jobs.
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
//
// The build writes this file to <base>sw.js with the manifest filled in (integration.ts).
const VERSION = __VERSION__;
const MANIFEST = __MANIFEST__;
const SITE_HEADERS = __SITE_HEADERS__;
const WORKER_CSP = __WORKER_CSP__;
const WORKER_DIR = __WORKER_DIR__;
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

async function readIndex(cache) {
  try {
    const index = await (await cache.match(INDEX))?.json();
    if (typeof index?.have === "object" && Array.isArray(index.kept)) return index;
  } catch {
    /* no index yet, or an unreadable one: start afresh */
  }
  return { deploy: null, have: {}, kept: [] };
}

/**
 * Brings the cache up to this deploy's manifest: fetches each file whose revision it lacks, then
 * drops every file that neither this deploy nor the previous one uses. Best effort: a file that
 * cannot be fetched or stored is tried again next time.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  const index = await readIndex(cache);
  // The previous deploy's own files (not the ones it was itself keeping for the one before).
  const kept =
    index.deploy === VERSION
      ? index.kept
      : Object.keys(index.have).filter((p) => !(p in MANIFEST) && !index.kept.includes(p));
  const have = {};
  for (const [path, rev] of Object.entries(index.have))
    if (kept.includes(path) || MANIFEST[path] === rev) have[path] = rev;
  const missing = Object.entries(MANIFEST).filter(([path, rev]) => have[path] !== rev);
  const next = async () => {
    const entry = missing.shift();
    if (!entry) return;
    const [path, rev] = entry;
    try {
      const url = new URL(path, SCOPE).href;
      // Kept as it passed through to the page, in this deploy: nothing to download.
      if ((await cache.match(url))?.headers.get(REVISION) === rev) {
        have[path] = rev;
      } else {
        const response = await download(url);
        if (response) {
          await cache.put(url, await keepable(path, response));
          have[path] = rev;
        }
      }
    } catch {
      /* offline, or storage full: next time */
    }
    await next();
  };
  await Promise.all(Array.from({ length: PARALLEL }, next));
  for (const request of await cache.keys())
    if (request.url !== INDEX && !(pathOf(request.url) in have))
      await cache.delete(request).catch(forget);
  await cache.put(INDEX, Response.json({ deploy: VERSION, have, kept })).catch(forget);
}

/**
 * A file for the precache, bypassing the HTTP cache: its 200 response, or null (any other status,
 * its body let go so it holds no connection). A download that stalls is aborted: one stuck request
 * must not hold up the precache, nor the next deploy's activation that waits for it (≤ 5 min).
 */
async function download(url) {
  const abort = new AbortController();
  let timer = 0;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(new Error(`${url} stalled`)), STALL_MS);
  };
  arm();
  try {
    const response = await fetch(new Request(url, { cache: "reload", signal: abort.signal }));
    if (response.status !== 200 || !response.body) {
      clearTimeout(timer);
      response.body?.cancel().catch(forget);
      return null;
    }
    const watch = new TransformStream({
      transform(chunk, controller) {
        arm();
        controller.enqueue(chunk);
      },
      flush: () => clearTimeout(timer),
    });
    const { status, statusText, headers } = response;
    return new Response(response.body.pipeThrough(watch), { status, statusText, headers });
  } catch (error) {
    clearTimeout(timer);
    throw error;
  }
}

/**
 * The copy of a manifest file's 200 response to keep: marked with its revision, and a gzipped
 * file of UNZIP un-gzipped, unless the host (Content-Encoding) already did it.
 */
async function keepable(path, response) {
  if (!UNZIP.includes(path)) {
    const headers = new Headers(response.headers);
    headers.set(REVISION, MANIFEST[path]);
    return new Response(response.body, { status: 200, statusText: response.statusText, headers });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const body = gzip
    ? new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))
    : bytes;
  return new Response(body, {
    headers: { "Content-Type": "application/octet-stream", [REVISION]: MANIFEST[path] },
  });
}

let precaching = null;
/** One precache at a time; a request while one runs joins it. */
function precacheOnce() {
  precaching ??= precache()
    .catch(forget)
    .finally(() => {
      precaching = null;
    });
  return precaching;
}

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

// A page asks once a runnable block is on screen: only a reader who runs code downloads Python.
self.addEventListener("message", (event) => {
  if (event.data?.type === "precache") event.waitUntil(precacheOnce());
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
  else event.respondWith(cacheFirst(event));
});
