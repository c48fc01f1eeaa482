/**
 * Pyodide's heavy files, fetched and compiled once per page and handed to each run's fresh
 * worker: the wasm module (compiled here, structured-cloned to workers, never compiled again),
 * the build-time snapshot (decompressed once), the standard library and the lock file. A file
 * whose download fails or is cut is fetched once more; if that fails too, the assets are an error
 * that names the file and why (the snapshot alone may be missing: workers then boot cold), and the
 * next call downloads again. A half file is never kept: bytes are used only once complete.
 */
import type { RuntimeAssets } from "../channels/messages.ts";
import { SNAPSHOT_FILE } from "../runner/paths.ts";
import { servedBySiteWorker } from "./site-worker.ts";
import { Download, runtimeSizes, setPageDownload } from "./download-progress.ts";

let loading: Promise<RuntimeAssets> | null = null;

async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch {
    return null;
  }
}

/** How long the second try of a failed file waits (a link that dropped may be back). */
const RETRY_MS = 1000;

/** Why a download failed, in words: fetch's `TypeError` is the network's doing. */
const why = (error: unknown): string =>
  error instanceof TypeError
    ? `the network failed (${error.message})`
    : error instanceof Error
      ? error.message
      : String(error);

/** `load` of `file`, tried once more if it fails; then an error that names the file and why. */
async function twice<T>(file: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    try {
      return await load();
    } catch (error) {
      throw new Error(
        `Python's ${file} did not download, tried twice: ${why(error)}. Check the connection, then Retry.`,
        { cause: error },
      );
    }
  }
}

async function ok(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${String(response.status)}`);
  return response;
}

/**
 * The snapshot, decompressed as it arrives (after the download it held the page 0.6 s). Some
 * servers (Astro's preview among them) send a `.gz` file with `Content-Encoding: gzip`, and the
 * browser has then already decompressed it: gzip's magic bytes say which case this is.
 */
async function snapshot(url: string, shared: boolean, download: Download): Promise<Uint8Array> {
  const reader = download.stream(SNAPSHOT_FILE, await ok(url)).getReader();
  const first = await reader.read();
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const gzip = !first.done && first.value[0] === 0x1f && first.value[1] === 0x8b;
  const bytes = new Uint8Array(
    await new Response(
      gzip ? body.pipeThrough(new DecompressionStream("gzip")) : body,
    ).arrayBuffer(),
  );
  return shared ? inSharedMemory(bytes) : bytes;
}

/**
 * The bytes copied once into shared memory: each spare's worker then gets them without a copy
 * (a structured clone of the ~30 MB snapshot held the page's thread 25–35 ms per spare).
 */
function inSharedMemory(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}

/**
 * Compiles while downloading; the same bytes are counted as they arrive (a copy of the response
 * is read for that), and a host that sends the wrong MIME type gets a plain compile of them.
 */
async function wasm(url: string, download: Download): Promise<WebAssembly.Module> {
  const response = await ok(url);
  const bytes = download.count(WASM_FILE, response.clone());
  bytes.catch(() => undefined); // (needed only if the streaming compile fails)
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    return WebAssembly.compile(await bytes);
  }
}

const WASM_FILE = "pyodide.asm.wasm";
const STDLIB_FILE = "python_stdlib.zip";
const LOCK_FILE = "pyodide-lock.json";

/**
 * The page's assets (loaded on the first call; later calls share the same promise, until it
 * fails). `shared`: the page may use SharedArrayBuffer, so the snapshot is kept in shared memory.
 */
export function runtimeAssets(indexURL: string, shared: boolean): Promise<RuntimeAssets> {
  if (loading) return loading;
  const assets = (loading = load(indexURL, shared));
  assets.catch(() => {
    loading = null; // the next call downloads again
  });
  return assets;
}

function load(indexURL: string, shared: boolean): Promise<RuntimeAssets> {
  // Through the site's service worker when it is about to serve the page: one download, kept.
  return servedBySiteWorker()
    .then(() => runtimeSizes(indexURL))
    .then((sizes) => {
      const download = new Download(sizes);
      download.expect([WASM_FILE, SNAPSHOT_FILE, STDLIB_FILE, LOCK_FILE]);
      setPageDownload(download);
      const bytes = async (file: string) => download.count(file, await ok(`${indexURL}${file}`));
      return Promise.all([
        twice(WASM_FILE, () => wasm(`${indexURL}${WASM_FILE}`, download)),
        orNull(() =>
          twice(SNAPSHOT_FILE, () => snapshot(`${indexURL}${SNAPSHOT_FILE}`, shared, download)),
        ),
        twice(STDLIB_FILE, async () => (await bytes(STDLIB_FILE)).buffer),
        twice(LOCK_FILE, async () => new TextDecoder().decode(await bytes(LOCK_FILE))),
      ]).finally(() => {
        download.settled();
      });
    })
    .then(([wasm, snap, stdlib, lockfile]) => ({ wasm, snapshot: snap, stdlib, lockfile }));
}
