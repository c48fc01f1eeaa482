// The service worker's second part (joined after main.js): the precache, which brings the cache
// up to this deploy's manifest, and the copy of a file that is kept.
/* global VERSION, MANIFEST, UNZIP, SCOPE, CACHE, INDEX, PARALLEL, STALL_MS, REVISION, pathOf, forget */
/* exported keepable, precacheOnce */

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
