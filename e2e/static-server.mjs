// A plain static file server for tests: serves a folder with content types and nothing else —
// no COOP/COEP headers — like GitHub Pages or a bare nginx.
// Usage: node static-server.mjs DIR PORT [--base /repo/] [--isolate]
// --base serves DIR under that path (a sub-path deploy); --isolate adds COOP/COEP headers;
// --mount /path/=DIR2 also serves DIR2 under /path/ (the benchmark's baseline page).
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const args = process.argv.slice(2);
const [dir = "dist", port = "4322"] = args.filter(
  (a, i) => !a.startsWith("--") && args[i - 1] !== "--base",
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
  const headers = isolate
    ? {
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
      }
    : {};
  let file =
    mount && mount[0] && url.pathname.startsWith(mount[0])
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
