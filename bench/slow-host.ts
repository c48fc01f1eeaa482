/**
 * The bench's slow host: a static host as readers meet one (GitHub Pages' habits: no COOP/COEP,
 * gzip on the fly for text, scripts, JSON and wasm, `Cache-Control: max-age=600`, an ETag and 304
 * on a match) behind one shared link (a bandwidth every response shares, and a latency per
 * connection and per request), counting at the server the bytes each path sent.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { TYPES as STATIC_TYPES, fileFor } from "../e2e/static-server.mjs";
import { gzipSync } from "node:zlib";

export interface Link {
  /** The link's bandwidth, shared by every response. */
  mbitPerSecond: number;
  /** Added once per new connection (its handshake) and once per request (its round trip). */
  latencyMs: number;
}

/** The e2e server's content types, and two more a real host knows. */
const TYPES: Record<string, string> = {
  ...STATIC_TYPES,
  ".gz": "application/gzip",
  ".webmanifest": "application/manifest+json",
};

/** What the host compresses on the fly (GitHub Pages: text and scripts, JSON, wasm). */
const COMPRESSED = /^(text\/|application\/(json|wasm|xml|manifest\+json)|image\/svg)/;
const CHUNK = 16 * 1024;

/** One link all responses share: each chunk waits for its turn, as on a real connection. */
class SharedLink {
  #freeAt = 0;
  readonly link: Link;
  constructor(link: Link) {
    this.link = link;
  }

  /** Resolves when `bytes` have crossed the link, after every byte queued before them. */
  send(bytes: number): Promise<void> {
    const start = Math.max(performance.now(), this.#freeAt);
    this.#freeAt = start + (bytes * 8) / (this.link.mbitPerSecond * 1000);
    return new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, this.#freeAt - performance.now())),
    );
  }

  latency(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.link.latencyMs));
  }
}

export interface HostOptions {
  /** Served at `/`, with its 404.html for anything missing. */
  site: string;
  /** Other folders served under a path (the baseline page under `/bench-baseline/`). */
  mounts: Record<string, string>;
  link: Link;
  /** Whether the host compresses on the fly (`false`: a host that sends files as they are). */
  gzip: boolean;
  /** Paths answered 404 as if not deployed (e.g. the snapshot, to time a boot without it). */
  missing?: RegExp;
}

export interface SlowHost {
  listen(port: number): Promise<void>;
  /** Bytes sent so far (headers and bodies), in all and per path, and requests per path. */
  sent(): { total: number; byPath: Map<string, number>; requests: Map<string, number> };
  /** Starts counting from zero. */
  reset(): void;
  close(): Promise<void>;
}

function resolveFile(pathname: string, options: HostOptions): string | null {
  const mount = Object.keys(options.mounts).find((m) => pathname.startsWith(m));
  const dir = mount === undefined ? options.site : (options.mounts[mount] ?? options.site);
  const rest = mount === undefined ? pathname : pathname.slice(mount.length - 1);
  const file = fileFor(rest, dir);
  try {
    return file && statSync(file).isFile() ? file : null;
  } catch {
    return null; // a folder without an index.html
  }
}

export function slowHost(options: HostOptions): SlowHost {
  const link = new SharedLink(options.link);
  const gzipped = new Map<string, Buffer>();
  let total = 0;
  let byPath = new Map<string, number>();
  let requests = new Map<string, number>();
  const count = (path: string, bytes: number): void => {
    total += bytes;
    byPath.set(path, (byPath.get(path) ?? 0) + bytes);
  };

  async function send(res: ServerResponse, path: string, body: Buffer): Promise<void> {
    for (let at = 0; at < body.length && !res.destroyed; at += CHUNK) {
      const chunk = body.subarray(at, at + CHUNK);
      await link.send(chunk.length);
      count(path, chunk.length);
      res.write(chunk);
    }
    res.end();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    void link.latency().then(async () => {
      const found = options.missing?.test(path) ? null : resolveFile(path, options);
      const file = found ?? join(options.site, "404.html");
      const stat = statSync(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      const headers: Record<string, string> = {
        "Content-Type": type,
        "Cache-Control": "max-age=600",
        ETag: etag,
        "Last-Modified": stat.mtime.toUTCString(),
      };
      if (found && req.headers["if-none-match"] === etag) {
        count(path, 200);
        await link.send(200);
        res.writeHead(304, headers).end();
        return;
      }
      let body: Buffer = readFileSync(file);
      const accepts = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      if (options.gzip && accepts && COMPRESSED.test(type)) {
        body = gzipped.get(file) ?? gzipSync(body, { level: 6 });
        gzipped.set(file, body);
        headers["Content-Encoding"] = "gzip";
        headers["Vary"] = "Accept-Encoding";
      }
      headers["Content-Length"] = String(body.length);
      count(path, 300);
      await link.send(300);
      res.writeHead(found ? 200 : 404, headers);
      await send(res, path, body);
    });
  });
  server.on("connection", (socket) => {
    socket.pause();
    void link.latency().then(() => socket.resume());
  });
  return {
    listen: (port) =>
      new Promise((resolve) => {
        server.listen(port, "127.0.0.1", resolve);
      }),
    sent: () => ({ total, byPath, requests }),
    reset: () => {
      total = 0;
      byPath = new Map();
      requests = new Map();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
