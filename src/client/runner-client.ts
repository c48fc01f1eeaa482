/**
 * The page's one runner controller: joins the connection to the worker, the run queue, the Stop
 * ladder and the state table. Blocks talk to it through `run()`; nothing else touches the worker.
 * No DOM: the page learns the state and the boot kind through `onstate` / `onboot`.
 */
import { clearInterrupt } from "../channels/interrupt.ts";
import type { FromRunner } from "../channels/messages.ts";
import {
  assertNever,
  killedResult,
  type RunRequest,
  type RunResult,
  type RunnerError,
} from "../runner/result.ts";
import { nextState, type ClientEvent, type ClientState } from "./client-state.ts";
import { Connection, createSharedChannels, type SharedChannels } from "./connection.ts";
import { RunQueue, type Job, type RunListener } from "./run-queue.ts";
import { StopLadder } from "./stop-ladder.ts";

export type { ClientState, RunListener };

/** A handle on one requested run. */
export interface RunHandle {
  stop(): void;
  sendInput(line: string): void;
}

export class RunnerClient {
  #state: ClientState = "idle";
  #connection: Connection | null = null;
  #ready = false;
  /** Shared memory for SIGINT, stdin and output; null when the page cannot share memory. */
  readonly #shared: SharedChannels | null;
  readonly #queue = new RunQueue();
  readonly #ladder: StopLadder;
  #frame: number | null = null;
  readonly #indexURL: string;
  readonly #createWorker: () => Worker;
  /** Hears every state change (the page shows it as `data-runner-state`). */
  onstate: ((state: ClientState) => void) | null = null;
  /** Hears how each interpreter booted (the page shows it as `data-runner-boot`). */
  onboot: ((boot: "snapshot" | "cold") => void) | null = null;

  /** `createWorker`: see `Connection`. `sharedMemory`: the page may use SharedArrayBuffer. */
  constructor(indexURL: string, createWorker: () => Worker, sharedMemory: boolean) {
    this.#indexURL = indexURL;
    this.#createWorker = createWorker;
    this.#shared = sharedMemory ? createSharedChannels() : null;
    this.#ladder = new StopLadder(this.#shared, {
      current: () => this.#queue.current,
      sigintSent: (job, deadline) => {
        this.#fire("sigint-sent");
        job.listener.stopping(deadline);
      },
      kill: (job, reason) => {
        this.#kill(job, reason);
      },
    });
  }

  get state(): ClientState {
    return this.#state;
  }

  #fire(event: ClientEvent): void {
    const next = nextState(this.#state, event);
    if (next === this.#state) return;
    this.#state = next;
    this.onstate?.(next);
  }

  /** Starts loading Python in the background (idle prefetch); harmless to call again. */
  prefetch(): void {
    if (!this.#connection) this.#spawn();
  }

  /** Queues a run; it starts when the runner is free and loaded. */
  run(request: RunRequest, listener: RunListener): RunHandle {
    const job = this.#queue.add(request, listener);
    this.#pump();
    return {
      stop: () => {
        this.#stop(job);
      },
      sendInput: (line) => {
        if (this.#queue.current === job && this.#state === "awaiting-input") {
          this.#fire("input-sent");
          this.#shared?.stdin.send(line);
        }
      },
    };
  }

  #spawn(): void {
    this.#ready = false;
    this.#connection = new Connection(this.#createWorker, this.#indexURL, this.#shared, {
      message: (message) => {
        this.#receive(message);
      },
      died: (reason) => {
        this.#terminate();
        this.#failCurrent({ code: "worker-died", message: reason });
      },
    });
    this.#fire("spawn");
    this.#connection.post({ type: "warm-up" });
  }

  #pump(): void {
    if (this.#queue.current) return;
    const job = this.#queue.next();
    if (!job) return;
    if (!this.#connection) this.#spawn();
    if (this.#shared) clearInterrupt(this.#shared.interrupt);
    this.#connection?.ring?.drain();
    if (!this.#ready) job.listener.loading();
    this.#connection?.post({ type: "run", runId: job.id, request: job.request });
  }

  #receive(message: FromRunner): void {
    const job = this.#queue.current;
    switch (message.type) {
      case "booting":
        this.#fire("booting");
        break;
      case "ready":
        this.#ready = true;
        if (message.boot) this.onboot?.(message.boot);
        if (!job) this.#fire("ready");
        break;
      case "started":
        if (job?.id !== message.runId) return;
        this.#ready = true;
        job.started = true;
        job.startedAt = performance.now();
        this.#fire("started");
        job.listener.started();
        this.#startDraining();
        if (job.stopPressed) this.#ladder.interrupt(job);
        break;
      case "output":
        // Only without shared memory does output come as messages (otherwise it is in the ring).
        if (job?.id !== message.runId || this.#connection?.ring) return;
        job.listener.output({
          chunks: [{ stream: message.stream, text: message.text }],
          dropped: 0,
        });
        break;
      case "input-request":
        if (job?.id !== message.runId) return;
        this.#drain(job);
        if (job.stopPressed) {
          this.#shared?.stdin.cancel();
          return;
        }
        this.#fire("input-requested");
        job.listener.inputRequested();
        break;
      case "result":
        if (job?.id !== message.runId) return;
        this.#finish(job, message.result);
        break;
      case "error":
        if (message.runId !== null && job?.id !== message.runId) return;
        this.#failCurrent(message.error);
        break;
      default:
        assertNever(message);
    }
  }

  /** Output is drained once per animation frame while a program runs (see `output-ring.ts`). */
  #startDraining(): void {
    if (this.#frame !== null) return;
    const tick = (): void => {
      const job = this.#queue.current;
      if (!job) {
        this.#frame = null;
        return;
      }
      this.#drain(job);
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  #drain(job: Job): void {
    const drained = this.#connection?.ring?.drain();
    if (drained && (drained.chunks.length || drained.dropped)) job.listener.output(drained);
  }

  #finish(job: Job, result: RunResult): void {
    this.#drain(job);
    this.#ladder.disarm();
    this.#queue.current = null;
    if (this.#shared) clearInterrupt(this.#shared.interrupt);
    this.#fire("ended");
    job.listener.ended(result, job.stopPressed);
    this.#pump();
  }

  #stop(job: Job): void {
    if (this.#queue.cancel(job)) {
      job.listener.failed({ code: "internal", message: "Cancelled before it started." });
      return;
    }
    if (this.#queue.current === job) this.#ladder.press(job);
  }

  #kill(job: Job, reason: string): void {
    if (this.#queue.current !== job) return;
    this.#ladder.disarm();
    this.#drain(job);
    this.#terminate();
    this.#queue.current = null;
    this.#fire("killed");
    job.listener.ended(
      killedResult(reason, job.started ? performance.now() - job.startedAt : 0),
      true,
    );
    this.#spawn();
    this.#pump();
  }

  #terminate(): void {
    this.#connection?.terminate();
    this.#connection = null;
    this.#ready = false;
    if (this.#shared) clearInterrupt(this.#shared.interrupt);
  }

  #failCurrent(error: RunnerError): void {
    this.#ladder.disarm();
    const job = this.#queue.current;
    this.#queue.current = null;
    this.#fire("failed");
    job?.listener.failed(error);
    // Queued runs would fail the same way: each is told, and the reader's next Run retries.
    for (const queued of this.#queue.drop()) queued.listener.failed(error);
  }
}
