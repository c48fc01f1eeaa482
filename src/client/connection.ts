/**
 * The page's connection to one runner worker — one run's process: starts the module worker,
 * hands it the private port, its own shared memory and the page's runtime assets, validates every
 * message that comes back, and terminates it. Nothing of one connection is shared with the next,
 * so no run can reach another's output, input or interrupt buffer.
 */
import { createInterruptBuffer } from "../channels/interrupt.ts";
import type { FromRunner, RuntimeAssets, ToRunner, WorkerInit } from "../channels/messages.ts";
import { servedBySiteWorker } from "../delivery/site-worker.ts";
import { OutputRingReader, createOutputRing } from "../channels/output-ring.ts";
import { StdinWriter, createStdinBuffer } from "../channels/stdin.ts";
import { parseFromRunner } from "../channels/validate.ts";

/** Shared memory between the page and its worker (SIGINT, stdin, output). */
export interface SharedChannels {
  interrupt: Int32Array;
  stdinBuffer: SharedArrayBuffer;
  stdin: StdinWriter;
  outputBuffer: SharedArrayBuffer;
}

/** Fresh channels for one worker. */
export function createSharedChannels(): SharedChannels {
  const stdinBuffer = createStdinBuffer();
  return {
    interrupt: createInterruptBuffer(),
    stdinBuffer,
    stdin: new StdinWriter(stdinBuffer),
    outputBuffer: createOutputRing(),
  };
}

/** What the connection tells its owner. */
export interface ConnectionEvents {
  message(connection: Connection, message: FromRunner): void;
  /** A message that is not a well-formed `FromRunner` (never acted on). */
  invalid(connection: Connection, what: string): void;
  died(connection: Connection, reason: string): void;
}

/** Names a rejected message for the reader, in a few words and never its (untrusted) content. */
function describeInvalid(data: unknown): string {
  const type = typeof data === "object" && data !== null ? (data as { type?: unknown }).type : null;
  return typeof type === "string" && type.length <= 20
    ? `the runner sent a malformed "${type}" message`
    : "the runner sent a malformed message";
}

/** One live worker. */
export class Connection {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  /** This worker's shared memory, or null without it (output then comes as messages). */
  readonly shared: SharedChannels | null;
  /** The page's end of the output ring, or null without shared memory. */
  readonly ring: OutputRingReader | null;
  /** The worker has booted Python and is waiting for its program. */
  ready = false;
  #open = true;

  /**
   * Starts the worker (it loads Pyodide's scripts now); it boots once `boot` hands it the assets. `createWorker` must contain the
   * literal `new Worker(new URL(...), { type: "module" })` so the bundler emits a module worker.
   */
  constructor(
    createWorker: () => Worker,
    indexURL: string,
    sharedMemory: boolean,
    events: ConnectionEvents,
  ) {
    const shared = sharedMemory ? createSharedChannels() : null;
    this.shared = shared;
    const worker = createWorker();
    const channel = new MessageChannel();
    // Only the private port is listened to: anything a program posts to the worker's global
    // scope (js.postMessage) arrives at worker.onmessage, which stays unset.
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      if (!this.#open) return;
      const message = parseFromRunner(event.data);
      if (!message) {
        events.invalid(this, describeInvalid(event.data));
        return;
      }
      if (message.type === "ready") this.ready = true;
      events.message(this, message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.#open)
        events.died(this, `the runner stopped unexpectedly (${event.message || "worker error"})`);
    };
    this.ring = shared ? new OutputRingReader(shared.outputBuffer) : null;
    const init: WorkerInit = {
      type: "init",
      port: channel.port2,
      shared: shared
        ? {
            interruptBuffer: shared.interrupt,
            stdinBuffer: shared.stdinBuffer,
            outputBuffer: shared.outputBuffer,
          }
        : null,
      indexURL,
    };
    // Pyodide's scripts load once the worker has its init: not on a page about to reload into
    // isolation, whose downloads the reload would throw away (the runtime's files wait likewise).
    void servedBySiteWorker().then(() => {
      if (this.#open) worker.postMessage(init, [channel.port2]);
    });
    this.#worker = worker;
    this.#port = channel.port1;
  }

  /** Hands the worker the page's assets: it boots Python now. */
  boot(assets: RuntimeAssets): void {
    this.post({ type: "assets", assets });
  }

  post(message: ToRunner): void {
    if (this.#open) this.#port.postMessage(message);
  }

  /** Ends the worker at once, whatever it is doing; nothing it sent afterwards is heard. */
  terminate(): void {
    this.#open = false;
    this.#worker.terminate();
    this.#port.close();
  }
}
