// The static file server the e2e tests and the bench serve built sites with: files from DIR with
// their content types, and DIR/404.html with status 404 for anything else. By default it sends no
// COOP/COEP headers, like GitHub Pages or a bare nginx, so the service worker must add them.
// Usage: node e2e/static-server.mjs DIR PORT [--base /repo/] [--isolate] [--mount /path/=DIR2]
// --base serves DIR under that path (a sub-path deploy); --isolate sends the site's headers
// (src/docs/headers.ts), as a configured host would; --mount also serves DIR2 under /path/ (the
// bench's baseline page). Tests import `siteServer` to change what is served between requests
// (a deploy) and to see every request.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { ISOLATION_HEADERS, headersFor } from "../src/docs/headers.ts";

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** The file `pathname` names under `root` (a folder's index.html), or null when nothing is there. */
export function fileFor(pathname, root) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, safe);
  try {
    const stat = statSync(candidate);
    return stat.isDirectory() ? join(candidate, "index.html") : candidate;
  } catch {
    return null;
  }
}

/**
 * A server for `sites`, a list of `{ base, dir }` (each built site under its base path, longest
 * base first); `mount` is `{ path, dir }` or null. `sites` may be replaced while it runs (a
 * deploy), and `onRequest` hears each request's path.
 * @param {{ sites: { base: string, dir: string }[], isolate?: boolean,
 *   mount?: { path: string, dir: string } | null, onRequest?: (path: string) => void }} options
 */
export function siteServer({ sites, isolate = false, mount = null, onRequest = () => {} }) {
  const state = { sites };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    onRequest(url.pathname);
    const mounted = Boolean(mount && url.pathname.startsWith(mount.path));
    const site = state.sites.find((s) => url.pathname.startsWith(s.base)) ?? state.sites[0];
    // The site gets all its headers; a mounted folder (the bench's baseline page, which is not the
    // site and has an inline script) gets only what makes it cross-origin isolated.
    const headers = !isolate
      ? {}
      : mounted
        ? ISOLATION_HEADERS
        : headersFor(url.pathname.slice(site.base.length));
    let file = mounted
      ? fileFor(url.pathname.slice(mount.path.length - 1), mount.dir)
      : url.pathname.startsWith(site.base)
        ? fileFor(url.pathname.slice(site.base.length - 1), site.dir)
        : null;
    let status = 200;
    try {
      if (!file) throw new Error("missing");
      statSync(file);
    } catch {
      file = join(site.dir, "404.html");
      status = 404;
    }
    res.writeHead(status, {
      ...headers,
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    });
    createReadStream(file).pipe(res);
  });
  return {
    listen: (port) => new Promise((resolve) => server.listen(port, "127.0.0.1", resolve)),
    /** Serves other builds from now on: a deploy. */
    deploy: (next) => {
      state.sites = next;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const [dir = "dist", port = "4322"] = args.filter(
    (a, i) => !a.startsWith("--") && args[i - 1] !== "--base" && args[i - 1] !== "--mount",
  );
  const base = args.includes("--base") ? (args[args.indexOf("--base") + 1] ?? "/") : "/";
  const [path, mountDir] = args.includes("--mount")
    ? (args[args.indexOf("--mount") + 1] ?? "").split("=")
    : [];
  await siteServer({
    sites: [{ base, dir }],
    isolate: args.includes("--isolate"),
    mount: path && mountDir ? { path, dir: mountDir } : null,
  }).listen(Number(port));
}
