/**
 * The wire format between a controller (the page's client, or the CLI's main thread) and the
 * thread that hosts the core (a Web Worker, or a Node worker thread). Both sides import it with
 * `import type`; every union is tagged by `type` and every `switch` over one ends in `assertNever`.
 */
import type { RunRequest, RunResult, RunnerError, Stream } from "../runner/result.ts";

/**
 * The page's first and only message to the worker's global scope, sent as the worker is created
 * (it loads Pyodide's scripts at once, while the runtime's files are still downloading).
 * Everything after it travels over `port`, which the worker keeps in a closure: a program's
 * `js.postMessage(...)` reaches the global scope, which the page does not listen to, so it cannot
 * forge the runner's messages.
 */
export interface WorkerInit {
  type: "init";
  port: MessagePort;
  /**
   * Shared memory, present only when the page is cross-origin isolated. Without it the runner
   * degrades: output comes as messages, `input()` sees EOF, and Stop can only terminate.
   */
  shared: {
    interruptBuffer: Int32Array;
    stdinBuffer: SharedArrayBuffer;
    /** Output travels through this ring (see `output-ring.ts`), not through messages. */
    outputBuffer: SharedArrayBuffer;
  } | null;
  /** URL of the self-hosted Pyodide folder, ending in `/`. */
  indexURL: string;
}

/**
 * Pyodide's heavy files, loaded once per page and handed to every worker: the compiled wasm
 * module, the build-time memory snapshot (decompressed), the standard library zip and the lock
 * file. Any of them may be null (the page could not load it); the worker then fetches that one.
 */
export interface RuntimeAssets {
  wasm: WebAssembly.Module | null;
  snapshot: Uint8Array | null;
  stdlib: ArrayBuffer | null;
  lockfile: string | null;
}

/**
 * Controller -> core host. A browser worker boots as soon as `assets` brings it what the page
 * fetched and compiled once (so no worker fetches or compiles it again), and runs exactly one
 * program; the CLI's thread likewise. Nothing else is ever asked of it.
 */
export type ToRunner =
  { type: "assets"; assets: RuntimeAssets } | { type: "run"; runId: number; request: RunRequest };

/** Core host -> controller. */
export type FromRunner =
  /** An interpreter is booted; `boot` says whether it was restored from a snapshot or booted cold. */
  | { type: "ready"; boot?: "snapshot" | "cold" }
  /** Pyodide is being fetched and booted (the first Run waits for this). */
  | { type: "booting" }
  /** The program called `input()` and is waiting for a line. */
  | { type: "input-request"; runId: number }
  /** The program read its input and got end of file: this page cannot pass input to it. */
  | { type: "input-eof"; runId: number }
  /** The interpreter is booted and the program's first line is about to run. */
  | { type: "started"; runId: number }
  | { type: "output"; runId: number; stream: Stream; text: string }
  | { type: "result"; runId: number; result: RunResult }
  | { type: "error"; runId: number | null; error: RunnerError };
