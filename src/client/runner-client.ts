/**
 * The page's one runner: owns the module worker, its state machine, the run queue and the Stop
 * ladder (cancel pending input -> SIGINT through the interrupt buffer -> terminate and respawn).
 * Blocks talk to it through `RunnerClient.run()`; nothing else touches the worker.
 */
import { clearInterrupt, createInterruptBuffer, sendSigintReliably } from "../channels/interrupt.ts";
import { OutputRingReader, createOutputRing, type Drained } from "../channels/output-ring.ts";
import { assertNever, type RunRequest, type RunResult, type RunnerError } from "../runner/result.ts";
import { type FromRunner, type WorkerInit } from "../channels/messages.ts";
import { StdinWriter, createStdinBuffer } from "../channels/stdin.ts";
import { parseFromRunner } from "../channels/validate.ts";

/** The client's one state field; every transition goes through `#set`. */
export type ClientState =
  "idle" | "booting" | "running" | "awaiting-input" | "stopping" | "restarting" | "failed";

/** How long a program may ignore SIGINT before Stop kills it. */
export const STOP_GRACE_MS = 2000;

/** What a block hears about its run. */
export interface RunListener {
  /** Queued behind another block's run. */
  queued(): void;
  /** Waiting for Python to load (first run, or after a restart). */
  loading(): void;
  started(): void;
  output(drained: Drained): void;
  inputRequested(): void;
  /** Stop was pressed: SIGINT sent; `deadlineMs` is when the kill follows. */
  stopping(deadlineMs: number): void;
  ended(result: RunResult, stopPressed: boolean): void;
  failed(error: RunnerError): void;
}

interface Job {
  id: number;
  request: RunRequest;
  listener: RunListener;
  stopPressed: boolean;
  started: boolean;
  startedAt: number;
}

/** A handle on one requested run. */
export interface RunHandle {
  stop(): void;
  sendInput(line: string): void;
}

export class RunnerClient {
  #state: ClientState = "idle";
  #worker: Worker | null = null;
  #port: MessagePort | null = null;
  #ready = false;
  /** Shared memory for SIGINT, stdin and output; null when the page is not cross-origin isolated. */
  readonly #shared: {
    interrupt: Int32Array;
    stdinBuffer: SharedArrayBuffer;
    stdin: StdinWriter;
    outputBuffer: SharedArrayBuffer;
  } | null;
  #ring: OutputRingReader | null = null;
  #queue: Job[] = [];
  #current: Job | null = null;
  #nextId = 1;
  #killTimer: ReturnType<typeof setTimeout> | null = null;
  #frame: number | null = null;
  readonly #indexURL: string;
  readonly #createWorker: () => Worker;
  /** Observers of the state (tests and the UI read it from `data-runner-state` on <html>). */
  onstate: ((state: ClientState) => void) | null = null;

  /**
   * `createWorker` must contain the literal `new Worker(new URL(...), { type: "module" })` so the
   * bundler emits the worker as a module worker (Pyodide needs one).
   */
  constructor(indexURL: string, createWorker: () => Worker, isolated: boolean) {
    this.#indexURL = indexURL;
    this.#createWorker = createWorker;
    if (isolated) {
      const stdinBuffer = createStdinBuffer();
      this.#shared = {
        interrupt: createInterruptBuffer(),
        stdinBuffer,
        stdin: new StdinWriter(stdinBuffer),
        outputBuffer: createOutputRing(),
      };
    } else {
      this.#shared = null;
    }
  }

  get state(): ClientState {
    return this.#state;
  }

  #set(next: ClientState): void {
    this.#state = next;
    this.onstate?.(next);
  }

  /** Starts loading Python in the background (idle prefetch); harmless to call again. */
  prefetch(): void {
    if (!this.#worker) this.#spawn();
  }

  /** Queues a run; it starts when the runner is free and loaded. */
  run(request: RunRequest, listener: RunListener): RunHandle {
    const job: Job = {
      id: this.#nextId++,
      request,
      listener,
      stopPressed: false,
      started: false,
      startedAt: 0,
    };
    this.#queue.push(job);
    if (this.#current) listener.queued();
    this.#pump();
    return {
      stop: () => {
        this.#stop(job);
      },
      sendInput: (line) => {
        if (this.#current === job && this.#state === "awaiting-input") {
          this.#set("running");
          this.#shared?.stdin.send(line);
        }
      },
    };
  }

  #spawn(): void {
    this.#set("booting");
    this.#ready = false;
    const worker = this.#createWorker();
    const channel = new MessageChannel();
    // Only the private port is listened to: anything a program posts to the worker's global scope
    // (js.postMessage) arrives at worker.onmessage, which stays unset.
    channel.port1.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseFromRunner(event.data);
      if (message) this.#receive(message);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#workerDied(`the runner stopped unexpectedly (${event.message || "worker error"})`);
    };
    const shared = this.#shared;
    this.#ring = shared ? new OutputRingReader(shared.outputBuffer) : null;
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
      indexURL: this.#indexURL,
    };
    worker.postMessage(init, [channel.port2]);
    this.#worker = worker;
    this.#port = channel.port1;
    this.#port.postMessage({ type: "prepare" });
  }

  #pump(): void {
    if (this.#current || !this.#queue.length) return;
    if (!this.#worker) this.#spawn();
    const job = this.#queue.shift();
    if (!job) return;
    this.#current = job;
    if (this.#shared) clearInterrupt(this.#shared.interrupt);
    this.#ring?.drain();
    if (!this.#ready) job.listener.loading();
    this.#port?.postMessage({ type: "run", runId: job.id, request: job.request });
  }

  #receive(message: FromRunner): void {
    const job = this.#current;
    switch (message.type) {
      case "booting":
        if (this.#state !== "running") this.#set("booting");
        break;
      case "ready":
        this.#ready = true;
        if (message.boot) document.documentElement.dataset["runnerBoot"] = message.boot;
        if (!this.#current) this.#set("idle");
        break;
      case "started":
        if (job?.id !== message.runId) return;
        this.#ready = true;
        job.started = true;
        job.startedAt = performance.now();
        this.#set("running");
        job.listener.started();
        this.#startDraining();
        if (job.stopPressed) this.#interruptRun(job);
        break;
      case "output":
        // Only without shared memory does output come as messages (otherwise it is in the ring).
        if (job?.id !== message.runId || this.#ring) return;
        job.listener.output({
          chunks: [{ stream: message.stream, text: message.text }],
          dropped: 0,
        });
        break;
      case "input-request":
        if (job?.id !== message.runId) return;
        this.#flush(job);
        if (job.stopPressed) {
          this.#shared?.stdin.cancel();
          return;
        }
        this.#set("awaiting-input");
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

  #startDraining(): void {
    if (this.#frame !== null) return;
    const tick = (): void => {
      const job = this.#current;
      if (!job) {
        this.#frame = null;
        return;
      }
      this.#flush(job);
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  #flush(job: Job): void {
    if (!this.#ring) return;
    const drained = this.#ring.drain();
    if (drained.chunks.length || drained.dropped) job.listener.output(drained);
  }

  #finish(job: Job, result: RunResult): void {
    this.#flush(job);
    this.#clearKillTimer();
    this.#current = null;
    if (this.#shared) clearInterrupt(this.#shared.interrupt);
    this.#set("idle");
    job.listener.ended(result, job.stopPressed);
    this.#pump();
  }

  #stop(job: Job): void {
    const queued = this.#queue.indexOf(job);
    if (queued !== -1) {
      this.#queue.splice(queued, 1);
      job.listener.failed({ code: "internal", message: "Cancelled before it started." });
      return;
    }
    if (this.#current !== job) return;
    if (job.stopPressed) {
      this.#kill(job, "you pressed Stop twice, so the interpreter was terminated");
      return;
    }
    if (!this.#shared) {
      this.#kill(
        job,
        "this page is not cross-origin isolated (no SharedArrayBuffer: the host sends no COOP/COEP headers and no service worker could add them), so Stop could not deliver KeyboardInterrupt to the script and terminated the interpreter instead",
      );
      return;
    }
    job.stopPressed = true;
    // Before the program starts, Stop waits for it: SIGINT then lands on its first line, as
    // Ctrl+C right after launching a script would.
    if (job.started) this.#interruptRun(job);
  }

  #interruptRun(job: Job): void {
    if (!this.#shared) return;
    sendSigintReliably(this.#shared.interrupt, () => this.#current === job);
    this.#shared.stdin.cancel();
    this.#set("stopping");
    job.listener.stopping(performance.now() + STOP_GRACE_MS);
    this.#killTimer = setTimeout(() => {
      this.#kill(
        job,
        `the program ignored Stop for ${String(STOP_GRACE_MS / 1000)} s, so the interpreter was terminated`,
      );
    }, STOP_GRACE_MS);
  }

  #kill(job: Job, reason: string): void {
    if (this.#current !== job) return;
    this.#clearKillTimer();
    this.#flush(job);
    this.#terminate();
    this.#current = null;
    this.#set("restarting");
    job.listener.ended(
      {
        outcome: "killed",
        exitCode: 137,
        reason,
        line: null,
        interruptedAt: { line: null },
        durationMs: job.started ? performance.now() - job.startedAt : 0,
      },
      true,
    );
    this.#spawn();
    this.#pump();
  }

  #terminate(): void {
    this.#worker?.terminate();
    this.#port?.close();
    this.#worker = null;
    this.#port = null;
    this.#ready = false;
    if (this.#shared) clearInterrupt(this.#shared.interrupt);
  }

  #workerDied(message: string): void {
    this.#terminate();
    this.#failCurrent({ code: "worker-died", message });
  }

  #failCurrent(error: RunnerError): void {
    this.#clearKillTimer();
    const job = this.#current;
    this.#current = null;
    this.#set("failed");
    if (job) job.listener.failed(error);
    // Queued runs would fail the same way; they stay queued until the reader retries.
    for (const queued of this.#queue.splice(0)) queued.listener.failed(error);
  }

  #clearKillTimer(): void {
    if (this.#killTimer !== null) clearTimeout(this.#killTimer);
    this.#killTimer = null;
  }
}
