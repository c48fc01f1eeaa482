/**
 * The page's connection to its runner worker: starts the module worker, hands it the private
 * port and the shared memory, validates every message that comes back, and terminates it. One
 * connection lives as long as one worker; a kill ends it and the client opens a new one.
 */
import { createInterruptBuffer } from "../channels/interrupt.ts";
import type { FromRunner, ToRunner, WorkerInit } from "../channels/messages.ts";
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

/** Creates the page's channels; they outlive each worker, so Stop works across respawns. */
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
  message(message: FromRunner): void;
  died(reason: string): void;
}

/** One live worker. */
export class Connection {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  /** The page's end of the output ring, or null without shared memory (output comes as messages). */
  readonly ring: OutputRingReader | null;
  #open = true;

  /**
   * `createWorker` must contain the literal `new Worker(new URL(...), { type: "module" })` so the
   * bundler emits the worker as a module worker (Pyodide needs one).
   */
  constructor(
    createWorker: () => Worker,
    indexURL: string,
    shared: SharedChannels | null,
    events: ConnectionEvents,
  ) {
    const worker = createWorker();
    const channel = new MessageChannel();
    // Only the private port is listened to: anything a program posts to the worker's global
    // scope (js.postMessage) arrives at worker.onmessage, which stays unset.
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseFromRunner(event.data);
      if (message && this.#open) events.message(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.#open)
        events.died(`the runner stopped unexpectedly (${event.message || "worker error"})`);
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
    worker.postMessage(init, [channel.port2]);
    this.#worker = worker;
    this.#port = channel.port1;
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
