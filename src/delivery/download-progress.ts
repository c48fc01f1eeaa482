/**
 * How far the runtime's download is, in bytes a reader can be told: "4.1 of 18.6 MB (22%)".
 *
 * The bytes counted are the ones the page reads from each response body, which the browser has
 * already decoded: with a host that compresses on the fly, `Content-Length` counts the compressed
 * bytes and would be overshot. So each file's decoded size comes from the build
 * (`pyodide/runtime-sizes.json`, written next to the files); only without it (`astro dev`) does
 * a response's own `Content-Length` count, and only when the host did not re-encode the body.
 * The snapshot is the one file whose decoded size depends on the host: a `.gz` served as it is
 * arrives as 6 MB of gzip, one the host marks `Content-Encoding: gzip` arrives as 31 MB (its first
 * bytes say which). The total must not change once shown, so the unzipped bytes of the second
 * kind are counted scaled down to the file's own size: the same 6 MB, in proportion.
 */
import { RUNTIME_SIZES_FILE, SNAPSHOT_FILE } from "../runner/paths.ts";

/** `runtime-sizes.json`: each runtime file's size in bytes, and the snapshot's once unzipped. */
export interface RuntimeSizes {
  files: Record<string, number>;
  snapshotUnzipped: number;
}

/** Where the download is: `total` is null while a file's size is unknown. */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
  /** Every file has arrived (or failed): what follows is starting Python. */
  done: boolean;
}

type Listener = (progress: DownloadProgress) => void;

interface FileCount {
  loaded: number;
  expected: number | null;
  done: boolean;
}

/**
 * How many of `name`'s bytes as built each byte of its body counts for: 1, except for a snapshot
 * the host has unzipped (its first bytes are not gzip's), counted in proportion.
 */
function byteWeight(name: string, first: Uint8Array, sizes: RuntimeSizes | null): number {
  const built = sizes?.files[name];
  if (name !== SNAPSHOT_FILE || !sizes || built === undefined) return 1;
  return first[0] === 0x1f && first[1] === 0x8b ? 1 : built / sizes.snapshotUnzipped;
}

/** The size `name` is counted against: the build's, or an honest `Content-Length`, or unknown. */
function expectedSize(name: string, response: Response, sizes: RuntimeSizes | null): number | null {
  const built = sizes?.files[name];
  if (built !== undefined) return built;
  const length = response.headers.get("Content-Length");
  return length && !response.headers.get("Content-Encoding") ? Number(length) : null;
}

/** One download of several files, counted together. */
export class Download {
  readonly #listeners = new Set<Listener>();
  readonly #files = new Map<string, FileCount>();
  readonly #sizes: RuntimeSizes | null;

  /** `sizes`: the build's record, or null (then `Content-Length` counts where it can). */
  constructor(sizes: RuntimeSizes | null) {
    this.#sizes = sizes;
  }

  /** Where it is now. */
  get progress(): DownloadProgress {
    let loaded = 0;
    let total: number | null = 0;
    let done = this.#files.size > 0;
    for (const file of this.#files.values()) {
      loaded += file.loaded;
      total = total === null || file.expected === null ? null : total + file.expected;
      done &&= file.done;
    }
    return { loaded, total: total === null ? null : Math.max(total, loaded), done };
  }

  /**
   * Hears the progress (soon after, if it has begun, then as bytes arrive); returns the
   * function that stops hearing it.
   */
  listen(listener: Listener): () => void {
    this.#listeners.add(listener);
    if (this.#files.size > 0)
      queueMicrotask(() => {
        if (this.#listeners.has(listener)) listener(this.progress);
      });
    return () => this.#listeners.delete(listener);
  }

  /** Notes the files it will fetch, so the total counts each before its first byte. */
  expect(names: readonly string[]): void {
    for (const name of names)
      if (!this.#files.has(name))
        this.#files.set(name, {
          loaded: 0,
          expected: this.#sizes?.files[name] ?? null,
          done: false,
        });
  }

  /**
   * `response`'s body as it arrives, counted as file `name` (in `pyodide/`) while it is read; the
   * file is done when the stream ends, fails or is cancelled.
   */
  stream(name: string, response: Response): ReadableStream<Uint8Array<ArrayBuffer>> {
    const file = { loaded: 0, expected: this.#files.get(name)?.expected ?? null, done: false };
    this.#files.set(name, file);
    let weight: number | null = null;
    const finish = (): void => {
      file.done = true;
      file.loaded = Math.round(file.loaded);
      file.expected = file.loaded;
      this.#tell();
    };
    const reader = response.body?.getReader();
    return new ReadableStream({
      pull: async (controller) => {
        try {
          const next = reader ? await reader.read() : ({ done: true } as const);
          if (next.done) {
            finish();
            controller.close();
            return;
          }
          if (weight === null) {
            weight = byteWeight(name, next.value, this.#sizes);
            file.expected = expectedSize(name, response, this.#sizes);
          }
          file.loaded += next.value.byteLength * weight;
          this.#tell();
          controller.enqueue(next.value);
        } catch (error) {
          finish();
          throw error;
        }
      },
      cancel: async (reason) => {
        finish();
        await reader?.cancel(reason);
      },
    });
  }

  /** Reads `response`'s body, counting it as file `name` (in `pyodide/`), and returns its bytes. */
  async count(name: string, response: Response): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await new Response(this.stream(name, response)).arrayBuffer());
  }

  /** Every fetch has settled, those that failed included: the progress is done. */
  settled(): void {
    for (const file of this.#files.values()) {
      file.done = true;
      file.expected = file.loaded;
    }
    this.#tell();
  }

  #tell(): void {
    const progress = this.progress;
    for (const listener of this.#listeners) listener(progress);
  }
}

const MB = (bytes: number): string => (bytes / 1e6).toFixed(1);

/** The download in a reader's words: how much of how much, then the next step. */
export function downloadText({ loaded, total, done }: DownloadProgress): string {
  if (done) return "Starting Python…";
  if (total === null) return `Downloading Python: ${MB(loaded)} MB (once per visit)…`;
  const percent = Math.floor((loaded / Math.max(total, 1)) * 100);
  return `Downloading Python: ${MB(loaded)} of ${MB(total)} MB (${String(percent)}%, once per visit)…`;
}

/** The page's runtime download, once it has begun (`runtime-assets.ts` starts it). */
let pageDownload: Download | null = null;
const waiting = new Set<Listener>();
const handed = new Map<Listener, () => void>();

/** Makes `download` the page's, and hands it those already listening. */
export function setPageDownload(download: Download): void {
  pageDownload = download;
  for (const listener of waiting) handed.set(listener, download.listen(listener));
  waiting.clear();
}

/**
 * Hears the page's runtime download, now or once it begins; returns the function that stops
 * hearing it.
 */
export function onDownloadProgress(listener: Listener): () => void {
  if (pageDownload) return pageDownload.listen(listener);
  waiting.add(listener);
  return () => {
    waiting.delete(listener);
    handed.get(listener)?.();
    handed.delete(listener);
  };
}

/** The build's sizes, or null (a dev server, an older build): progress then counts what it can. */
export async function runtimeSizes(indexURL: string): Promise<RuntimeSizes | null> {
  try {
    const response = await fetch(`${indexURL}${RUNTIME_SIZES_FILE}`);
    if (!response.ok) return null;
    const sizes = (await response.json()) as RuntimeSizes;
    return typeof sizes.snapshotUnzipped === "number" && typeof sizes.files === "object"
      ? sizes
      : null;
  } catch {
    return null;
  }
}
