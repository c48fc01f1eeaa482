/**
 * The service worker (`src/service-worker/`, joined as the build writes it) run in Node against
 * stubs of Cache Storage, fetch and the worker's global scope.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { renderServiceWorker } from "../../src/docs/integration.ts";
import { WORKER_CSP, WORKER_DIR } from "../../src/docs/headers.ts";
import { SNAPSHOT_FILE } from "../../src/runner/paths.ts";

const ORIGIN = "https://example.test";
const keyOf = (request: Request | string): string =>
  (typeof request === "string" ? request : request.url).split("?")[0] ?? "";

class FakeCache {
  readonly entries = new Map<string, Response>();
  full = false;
  async match(request: Request | string): Promise<Response | undefined> {
    return Promise.resolve(this.entries.get(keyOf(request))?.clone());
  }
  async put(request: Request | string, response: Response): Promise<void> {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    const body = await response.arrayBuffer();
    this.entries.set(keyOf(request), new Response(body, response));
  }
  async delete(request: Request | string): Promise<boolean> {
    return Promise.resolve(this.entries.delete(keyOf(request)));
  }
  async keys(): Promise<Request[]> {
    return Promise.resolve([...this.entries.keys()].map((url) => new Request(url)));
  }
}

class FakeCaches {
  readonly caches = new Map<string, FakeCache>();
  async open(name: string): Promise<FakeCache> {
    const cache = this.caches.get(name) ?? new FakeCache();
    this.caches.set(name, cache);
    return Promise.resolve(cache);
  }
  async keys(): Promise<string[]> {
    return Promise.resolve([...this.caches.keys()]);
  }
  async delete(name: string): Promise<boolean> {
    return Promise.resolve(this.caches.delete(name));
  }
}

/** A server: path -> body; every request is logged. */
class FakeNetwork {
  files: Record<string, string | Uint8Array<ArrayBuffer>> = {};
  log: { path: string; cache: string | undefined }[] = [];
  offline = false;
  /** Paths whose body sends one chunk, then nothing, until the request is aborted. */
  stalled = new Set<string>();
  /** Paths of bodies the worker let go unread. */
  cancelled: string[] = [];
  fetch = async (input: Request | string): Promise<Response> => {
    const request = typeof input === "string" ? new Request(input) : input;
    if (this.offline) throw new TypeError("Failed to fetch");
    const path = new URL(request.url).pathname;
    this.log.push({ path, cache: request.cache });
    const body = this.files[path];
    if (body === undefined) {
      const text = new ReadableStream({
        start: (controller) => {
          controller.enqueue(new TextEncoder().encode("not found"));
        },
        cancel: () => {
          this.cancelled.push(path);
        },
      });
      return Promise.resolve(new Response(text, { status: 404 }));
    }
    const stream = !this.stalled.has(path)
      ? body
      : new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode("the first bytes"));
            request.signal.addEventListener("abort", () => {
              controller.error(request.signal.reason);
            });
          },
        });
    const response = new Response(stream, { status: 200 });
    return Promise.resolve(Object.defineProperty(response, "type", { value: "basic" }));
  };
}

type Listener = (event: unknown) => void;

/** One deploy's service worker, loaded for `scope` over shared caches and network. */
function worker(
  manifest: Record<string, string>,
  scope: string,
  caches: FakeCaches,
  net: FakeNetwork,
) {
  const listeners = new Map<string, Listener>();
  const self = {
    registration: { scope: `${ORIGIN}${scope}` },
    addEventListener: (type: string, fn: Listener) => listeners.set(type, fn),
    skipWaiting: () => undefined,
    clients: { claim: async () => Promise.resolve() },
  };
  const context = vm.createContext({
    AbortController,
    TransformStream,
    // The worker's timers run a thousand times faster: a stall of 30 s is given up after 30 ms.
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms / 1000),
    clearTimeout,
    Blob,
    DecompressionStream,
    self,
    caches,
    fetch: net.fetch,
    Request,
    Response,
    Headers,
    URL,
    DOMException,
  });
  vm.runInContext(renderServiceWorker(manifest), context);
  const extendable = async (type: string, data?: unknown): Promise<void> => {
    const waits: Promise<unknown>[] = [];
    listeners.get(type)?.({ data, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
  };
  return {
    activate: () => extendable("activate"),
    precache: () => extendable("message", { type: "precache" }),
    /** The message of a first visit's page as it reloads into isolation. */
    ahead: () => extendable("message", { type: "ahead" }),
    /** Dispatches a fetch; resolves the response, or "network" when the worker left it alone. */
    async get(path: string, init: { navigate?: boolean; range?: boolean } = {}) {
      let responded: Promise<Response> | undefined;
      const waits: Promise<unknown>[] = [];
      const headers = new Headers(init.range ? { range: "bytes=0-9" } : {});
      const request = Object.assign(new Request(`${ORIGIN}${scope}${path}`, { headers }), {});
      const event = {
        request: init.navigate
          ? { url: request.url, method: "GET", mode: "navigate", destination: "document", headers }
          : request,
        respondWith: (p: Promise<Response>) => (responded = p),
        waitUntil: (p: Promise<unknown>) => waits.push(p),
      };
      listeners.get("fetch")?.(event);
      const response = responded ? await responded : "network";
      await Promise.all(waits);
      return response;
    },
    /** The body of the response the worker gives for `path` (it must give one). */
    async text(path: string, init: { navigate?: boolean } = {}): Promise<string> {
      const response = await this.get(path, init);
      assert.ok(response instanceof Response);
      return response.text();
    },
  };
}

const files = (
  scope: string,
  names: Record<string, string | Uint8Array<ArrayBuffer>>,
): Record<string, string | Uint8Array<ArrayBuffer>> =>
  Object.fromEntries(Object.entries(names).map(([p, body]) => [`${scope}${p || ""}`, body]));

test("documents and the runner's script get the site's headers; everything else passes untouched", async () => {
  const net = new FakeNetwork();
  const worker1 = `${WORKER_DIR}runner.js`;
  net.files = files("/", { "": "<html>", "pyodide/a.wasm": "wasm", [worker1]: "w" });
  const sw = worker(
    { "./": "1", "pyodide/a.wasm": "1", [worker1]: "1" },
    "/",
    new FakeCaches(),
    net,
  );
  const page = await sw.get("", { navigate: true });
  assert.ok(page instanceof Response);
  assert.equal(page.headers.get("Cross-Origin-Embedder-Policy"), "require-corp");
  const script = await sw.get(worker1);
  assert.ok(script instanceof Response);
  assert.equal(script.headers.get("Content-Security-Policy"), WORKER_CSP);
  const wasm = await sw.get("pyodide/a.wasm");
  assert.ok(wasm instanceof Response);
  assert.equal(wasm.headers.get("Cross-Origin-Embedder-Policy"), null);
  assert.equal(await wasm.text(), "wasm");
  // A Range request is not answered by the worker at all: the browser sends it as it is.
  assert.equal(await sw.get("pyodide/a.wasm", { range: true }), "network");
});

test("a full disk never fails a response, online or for a page", async () => {
  const net = new FakeNetwork();
  net.files = files("/", { "": "<html>", "x.js": "js" });
  const caches = new FakeCaches();
  const sw = worker({ "./": "1", "x.js": "1" }, "/", caches, net);
  (await caches.open("python-halted /")).full = true;
  assert.equal(await sw.text("x.js"), "js");
  assert.equal(await sw.text("", { navigate: true }), "<html>");
  await sw.precache(); // cannot store anything, and says nothing
});

test("a deploy fetches only changed files, past the HTTP cache, and keeps the previous deploy's files one deploy more", async () => {
  const net = new FakeNetwork();
  const caches = new FakeCaches();
  net.files = files("/", { "": "v1", "a/": "a", "pyodide/big.wasm": "big", "_astro/p.1.js": "p1" });
  const one = { "./": "1", "a/": "1", "pyodide/big.wasm": "1", "_astro/p.1.js": "1" };
  await worker(one, "/", caches, net).precache();
  assert.deepEqual(net.log.map((r) => r.path).sort(), [
    "/",
    "/_astro/p.1.js",
    "/a/",
    "/pyodide/big.wasm",
  ]);
  assert.ok(net.log.every((r) => r.cache === "reload"));

  // Deploy 2 changes the home page and renames a script.
  net.log = [];
  net.files = files("/", { "": "v2", "a/": "a", "pyodide/big.wasm": "big", "_astro/p.2.js": "p2" });
  const two = { "./": "2", "a/": "1", "pyodide/big.wasm": "1", "_astro/p.2.js": "2" };
  const sw2 = worker(two, "/", caches, net);
  await sw2.activate(); // the reader had the site cached: the update starts at once
  assert.deepEqual(net.log.map((r) => r.path).sort(), ["/", "/_astro/p.2.js"]);
  // A tab opened before the deploy still gets its old script, offline too.
  net.offline = true;
  assert.equal(await sw2.text("_astro/p.1.js"), "p1");
  assert.equal(await sw2.text("", { navigate: true }), "v2");
  net.offline = false;

  // Deploy 3: deploy 1's script goes; deploy 2's is kept for tabs opened before.
  net.log = [];
  const three = { "./": "2", "a/": "1", "pyodide/big.wasm": "1", "_astro/p.3.js": "3" };
  net.files["/_astro/p.3.js"] = "p3";
  await worker(three, "/", caches, net).precache();
  assert.deepEqual(
    net.log.map((r) => r.path),
    ["/_astro/p.3.js"],
  );
  const kept = [...(await caches.open("python-halted /")).entries.keys()].map(
    (u) => new URL(u).pathname,
  );
  assert.ok(kept.includes("/_astro/p.2.js"));
  assert.ok(!kept.includes("/_astro/p.1.js"));
  // Running the same deploy's precache again changes nothing and keeps what it kept.
  net.log = [];
  await worker(three, "/", caches, net).precache();
  assert.deepEqual(net.log, []);
  assert.ok((await caches.open("python-halted /")).entries.has(`${ORIGIN}/_astro/p.2.js`));
});

test("two deploys on one origin keep their own caches; a file that failed is fetched next time", async () => {
  const net = new FakeNetwork();
  const caches = new FakeCaches();
  net.files = { ...files("/", { "": "root" }), ...files("/repo/", { "": "repo", "b.js": "b" }) };
  await caches.open("python-halted-0123456789abcdef"); // the old one-cache-per-deploy scheme
  const root = worker({ "./": "1" }, "/", caches, net);
  const repo = worker({ "./": "1", "b.js": "1", "gone.js": "1" }, "/repo/", caches, net);
  await root.precache();
  await repo.precache();
  await root.activate();
  await repo.activate();
  assert.deepEqual((await caches.keys()).sort(), ["python-halted /", "python-halted /repo/"]);
  net.log = [];
  net.files["/repo/gone.js"] = "now here";
  await repo.precache();
  assert.deepEqual(
    net.log.map((r) => r.path),
    ["/repo/gone.js"],
  );
});

test("the interpreter snapshot is kept decompressed, so a visit skips gunzip", async () => {
  const net = new FakeNetwork();
  const caches = new FakeCaches();
  const raw = "the interpreter's memory ".repeat(100);
  const snapshot = `pyodide/${SNAPSHOT_FILE}`;
  net.files = files("/", { [snapshot]: new Uint8Array(gzipSync(raw)) });
  const sw = worker({ [snapshot]: "1" }, "/", caches, net);
  await sw.precache();
  assert.equal(await sw.text(snapshot), raw);
});

test("a runtime file the page downloads through the worker is kept: the precache fetches it no more", async () => {
  const net = new FakeNetwork();
  const caches = new FakeCaches();
  const raw = "the interpreter's memory ".repeat(100);
  const snapshot = `pyodide/${SNAPSHOT_FILE}`;
  net.files = files("/", {
    "": "<html>",
    "pyodide/big.wasm": "big",
    [snapshot]: new Uint8Array(gzipSync(raw)),
  });
  const sw = worker({ "./": "1", "pyodide/big.wasm": "7", [snapshot]: "3" }, "/", caches, net);
  // The page's own download, passing through: one request each.
  assert.equal(await sw.text("pyodide/big.wasm"), "big");
  assert.ok((await sw.get(snapshot)) instanceof Response);
  assert.deepEqual(net.log.map((r) => r.path).sort(), ["/pyodide/big.wasm", `/${snapshot}`]);
  net.log = [];
  await sw.precache();
  assert.deepEqual(
    net.log.map((r) => r.path),
    ["/"],
  );
  // Kept as the precache keeps it: the snapshot decompressed, served offline.
  net.offline = true;
  assert.equal(await sw.text(snapshot), raw);
  assert.equal(await sw.text("pyodide/big.wasm"), "big");
  // A copy kept in another deploy's revision is fetched again.
  net.offline = false;
  net.log = [];
  await worker(
    { "./": "1", "pyodide/big.wasm": "8", [snapshot]: "3" },
    "/",
    caches,
    net,
  ).precache();
  assert.deepEqual(
    net.log.map((r) => r.path),
    ["/pyodide/big.wasm"],
  );
});

test(
  "a precache download that stalls is given up, the rest is kept, and it is fetched next time; an error's body is let go",
  { timeout: 20_000 },
  async () => {
    const net = new FakeNetwork();
    const caches = new FakeCaches();
    net.files = files("/", { "": "<html>", "pyodide/big.wasm": "big", "a.js": "a" });
    net.stalled.add("/pyodide/big.wasm");
    const manifest = { "./": "1", "pyodide/big.wasm": "1", "a.js": "1", "gone.js": "1" };
    await worker(manifest, "/", caches, net).precache();
    const cache = await caches.open("python-halted /");
    assert.ok(cache.entries.has(`${ORIGIN}/a.js`));
    assert.ok(!cache.entries.has(`${ORIGIN}/pyodide/big.wasm`));
    assert.deepEqual(net.cancelled, ["/gone.js"]);
    net.stalled.clear();
    net.log = [];
    await worker(manifest, "/", caches, net).precache();
    assert.deepEqual(net.log.map((r) => r.path).sort(), ["/gone.js", "/pyodide/big.wasm"]);
    assert.equal(await (await cache.match(`${ORIGIN}/pyodide/big.wasm`))?.text(), "big");
  },
);

test("a first visit's runtime download starts as the page reloads; the reloaded page gets those responses, each file once", async () => {
  const net = new FakeNetwork();
  const caches = new FakeCaches();
  net.files = files("/", {
    "": "<html>",
    "pyodide/big.wasm": "big",
    "pyodide/lock.json": "{}",
    "a.js": "a",
  });
  const manifest = { "./": "1", "pyodide/big.wasm": "1", "pyodide/lock.json": "1", "a.js": "1" };
  const sw = worker(manifest, "/", caches, net);
  // The reloaded page asks while the copies are still being kept.
  const asked = sw.ahead();
  const wasm = await sw.get("pyodide/big.wasm");
  assert.ok(wasm instanceof Response);
  // The response started ahead (a kept copy would carry its revision).
  assert.equal(wasm.headers.get("X-Precache-Revision"), null);
  assert.equal(await wasm.text(), "big");
  assert.equal(await sw.text("pyodide/lock.json"), "{}");
  await asked;
  // Only the runtime's folder, once each.
  assert.deepEqual(net.log.map((r) => r.path).sort(), ["/pyodide/big.wasm", "/pyodide/lock.json"]);
  // Kept as they arrived: the precache fetches only the rest of the site.
  net.log = [];
  await sw.precache();
  assert.deepEqual(net.log.map((r) => r.path).sort(), ["/", "/a.js"]);
  // Asked again with the files kept in this revision: nothing crosses the network.
  net.log = [];
  await sw.ahead();
  assert.equal(await sw.text("pyodide/big.wasm"), "big");
  assert.deepEqual(net.log, []);
});

test("a response started ahead that no page asks for is let go in time; its copy is kept", async () => {
  const net = new FakeNetwork();
  const caches = new FakeCaches();
  net.files = files("/", { "": "<html>", "pyodide/big.wasm": "big" });
  const sw = worker({ "./": "1", "pyodide/big.wasm": "2" }, "/", caches, net);
  await sw.ahead();
  // Its 60 s at the test's pace (timers run a thousand times faster).
  await new Promise((resolve) => setTimeout(resolve, 300));
  net.offline = true;
  const later = await sw.get("pyodide/big.wasm");
  assert.ok(later instanceof Response);
  assert.equal(later.headers.get("X-Precache-Revision"), "2");
  assert.equal(await later.text(), "big");
  assert.deepEqual(
    net.log.map((r) => r.path),
    ["/pyodide/big.wasm"],
  );
});
