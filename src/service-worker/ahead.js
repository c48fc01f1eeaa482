// The service worker's third part (joined after main.js): a first visit's runtime download,
// started ahead of the page's reload into isolation.
//
// On a host without the site's headers a first visit loads the page, installs this worker, then
// reloads the page so that it is cross-origin isolated; until now only the reloaded page started
// the runtime's download, about 0.8 s after this worker could have (20 Mbit/s link, 40 ms: the
// reload, its scripts, the editor). The page asks, as it reloads, for the runtime "ahead": this
// worker starts every file of the runtime's folder it does not hold in this deploy's revision,
// keeps a copy of each as if it had passed through, and answers the reloaded page's request for
// the file with that same response. So each file still crosses the link once, and the reloaded
// page reads, counts and compiles it as it would its own download (the bytes that came while it
// reloaded arrive at once). A response nobody asks for in AHEAD_MS is let go on the page's side;
// its kept copy completes.
/* global MANIFEST, SCOPE, REVISION, RUNTIME_DIR, fromCache, store, forget */
/* exported startAhead, takeAhead */

/** How long a response started ahead waits for the reloaded page's request. */
const AHEAD_MS = 60_000;
/** URL -> the response started ahead for it (undefined: none, the request goes the usual way). */
const ahead = new Map();

/** One file's download, started for the page to come; its copy is kept as it arrives. */
async function startOne(event, path) {
  const request = new Request(new URL(path, SCOPE).href);
  if ((await fromCache(request))?.headers.get(REVISION) === MANIFEST[path]) return undefined;
  const response = await fetch(request);
  store(event, request, response);
  return response;
}

/**
 * Starts the runtime's files the cache lacks (once per file while a start is pending); resolves
 * when each has answered or failed. `event` is the page's message, which keeps this worker alive
 * while the copies are stored.
 */
function startAhead(event) {
  const started = [];
  for (const path of Object.keys(MANIFEST)) {
    const url = new URL(path, SCOPE).href;
    if (!path.startsWith(RUNTIME_DIR) || ahead.has(url)) continue;
    const response = startOne(event, path).catch(forget);
    ahead.set(url, response);
    started.push(response);
    setTimeout(() => {
      if (ahead.get(url) !== response) return;
      ahead.delete(url);
      response.then((r) => r?.body?.cancel()).catch(forget);
    }, AHEAD_MS);
  }
  return Promise.all(started);
}

/** The response started ahead for `request`, given once; undefined if none was. */
function takeAhead(request) {
  const response = ahead.get(request.url);
  ahead.delete(request.url);
  return response;
}
