// The static file server the e2e tests and the bench serve built sites with: files from DIR with
// their content types, and DIR/404.html with status 404 for anything else. By default it sends no
// COOP/COEP headers, like GitHub Pages or a bare nginx, so the service worker must add them.
// Usage: node e2e/static-server.mjs DIR PORT [--base /repo/] [--isolate] [--mount /path/=DIR2]
// --base serves DIR under that path (a sub-path deploy); --isolate sends the site's headers
// (src/docs/headers.ts), as a configured host would; --mount also serves DIR2 under /path/ (the bench's baseline page).
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { ISOLATION_HEADERS, headersFor } from "../src/docs/headers.ts";

const args = process.argv.slice(2);
const [dir = "dist", port = "4322"] = args.filter(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--base" && args[i - 1] !== "--mount",
);
const base = args.includes("--base") ? (args[args.indexOf("--base") + 1] ?? "/") : "/";
const isolate = args.includes("--isolate");
const mount = args.includes("--mount")
  ? (args[args.indexOf("--mount") + 1] ?? "").split("=")
  : null;
const TYPES = {
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

function fileFor(pathname, root = dir) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, safe);
  try {
    const stat = statSync(candidate);
    return stat.isDirectory() ? join(candidate, "index.html") : candidate;
  } catch {
    return null;
  }
}

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const mounted = Boolean(mount && mount[0] && url.pathname.startsWith(mount[0]));
  // The site gets all its headers; a mounted folder (the bench's baseline page, which is not the
  // site and has an inline script) gets only what makes it cross-origin isolated.
  const headers = !isolate
    ? {}
    : mounted
      ? ISOLATION_HEADERS
      : headersFor(url.pathname.slice(base.length));
  let file =
    mounted && mount
      ? fileFor(url.pathname.slice(mount[0].length - 1), mount[1])
      : url.pathname.startsWith(base)
        ? fileFor(url.pathname.slice(base.length - 1))
        : null;
  let status = 200;
  try {
    if (!file) throw new Error("missing");
    statSync(file);
  } catch {
    file = join(dir, "404.html");
    status = 404;
  }
  res.writeHead(status, {
    ...headers,
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
  });
  createReadStream(file).pipe(res);
}).listen(Number(port), "127.0.0.1");
