/**
 * The page's runner controller: one fresh worker per run, as one process per `python3 snippet.py`.
 * Spare workers boot ahead from the page's assets (`spare-worker.ts`); Run hands the program to
 * one, and the run's worker is terminated when the run ends. Joins the queue, the Stop ladder and
 * the state table. No DOM: the page hears the state, boot kind and spares through callbacks.
 */
import type { FromRunner } from "../channels/messages.ts";
import { savingData } from "../delivery/data-saver.ts";
import { askForPrecache } from "../delivery/site-worker.ts";
import {
  assertNever,
  killedResult,
  type RunRequest,
  type RunResult,
  type RunnerError,
} from "../runner/result.ts";
import { nextState, type ClientEvent, type ClientState } from "./client-state.ts";
import type { Connection } from "./connection.ts";
import { MAX_LINES } from "./scrollback.ts";
import { OutputPump, drainedText } from "./output-pump.ts";
import { RunQueue, type Job, type RunHandle, type RunListener } from "./run-queue.ts";
import { SPARE_DELAY_MS, SpareWorker } from "./spare-worker.ts";
import { LEFT, StopLadder } from "./stop-ladder.ts";

export type { ClientState, RunHandle, RunListener };

export class RunnerClient {
  #state: ClientState = "idle";
  /** The worker running the current job's program, or null between runs. */
  #active: Connection | null = null;
  readonly #spare: SpareWorker;
  readonly #queue = new RunQueue();
  readonly #ladder: StopLadder;
  readonly #output = new OutputPump(
    () => (this.#queue.current && this.#active?.ring) ?? null,
    () => {
      if (this.#queue.current) this.#drain(this.#queue.current);
    },
  );
  // Hear state changes, boot kinds and ready spares (the page shows them as `data-runner-*`).
  onstate: ((state: ClientState) => void) | null = null;
  onboot: ((boot: "snapshot" | "cold") => void) | null = null;
  onspares: ((ready: number) => void) | null = null;

  /** `createWorker`: see `Connection`. `sharedMemory`: the page may use SharedArrayBuffer. */
  constructor(indexURL: string, createWorker: () => Worker, sharedMemory: boolean) {
    this.#spare = new SpareWorker(createWorker, indexURL, sharedMemory, {
      message: (connection, message) => {
        this.#receive(connection, message);
      },
      invalid: (connection, what) => {
        this.#died(connection, { code: "internal", message: `${what}, so the run was ended` });
      },
      died: (connection, reason) => {
        this.#died(connection, { code: "worker-died", message: reason });
      },
    });
    this.#ladder = new StopLadder(sharedMemory, {
      current: () => this.#queue.current,
      channels: () => this.#active?.shared ?? null,
      sigintSent: (job, deadline) => {
        this.#fire("sigint-sent");
        job.listener.stopping(deadline);
      },
      kill: (job, reason) => {
        this.#end(job, killedResult(reason, job.started ? performance.now() - job.startedAt : 0));
      },
    });
  }

  readonly #busy = (): boolean => this.#queue.current !== null;

  #fire(event: ClientEvent): void {
    const next = nextState(this.#state, event);
    if (next === this.#state) return;
    this.#state = next;
    this.onstate?.(next);
  }

  /** Starts loading Python in the background (idle prefetch; never when saving data). */
  prefetch(): void {
    if (!savingData() && this.#spare.ensure() && !this.#queue.current) this.#fire("spawn");
  }

  /** Queues a run; it starts when the runner is free. */
  run(request: RunRequest, listener: RunListener): RunHandle {
    const job = this.#queue.add(request, listener);
    this.#pump();
    return {
      stop: () => {
        if (this.#queue.cancel(job)) {
          job.listener.failed({ code: "internal", message: "Cancelled before it started." });
        } else if (this.#queue.current === job) {
          this.#ladder.press(job);
          this.#spare.schedule(this.#busy);
        }
      },
      signal: (name) => {
        if (this.#queue.current !== job || !job.started) return;
        if (name === "SIGKILL") this.#ladder.kill(job, "you sent SIGKILL");
        else this.#ladder.terminate(job);
        this.#spare.schedule(this.#busy);
      },
      sendInput: (line) => {
        if (this.#queue.current === job && this.#state === "awaiting-input") {
          this.#fire("input-sent");
          this.#active?.shared?.stdin.send(line);
        }
      },
    };
  }

  #pump(): void {
    if (this.#queue.current) return;
    const job = this.#queue.next();
    if (!job) return;
    const connection = (this.#active = this.#spare.take());
    this.onspares?.(this.#spare.readyCount);
    if (!connection.ready) {
      this.#fire("spawn");
      job.listener.loading();
    }
    connection.post({ type: "run", runId: job.id, request: job.request });
  }

  #receive(connection: Connection, message: FromRunner): void {
    if (connection !== this.#active) {
      // The spare: only its readiness and its failure matter until it takes a run.
      if (message.type === "ready") {
        if (message.boot) this.onboot?.(message.boot);
        this.onspares?.(this.#spare.readyCount);
        if (this.#queue.current) return;
        this.#fire("ready");
        this.#spare.topUp();
      } else if (message.type === "error") {
        this.#died(connection, message.error);
      }
      return;
    }
    const job = this.#queue.current;
    if (!job) return;
    switch (message.type) {
      case "booting":
        break;
      case "ready":
        if (message.boot) this.onboot?.(message.boot);
        break;
      case "started":
        if (message.runId !== job.id) return;
        job.started = true;
        job.startedAt = performance.now();
        this.#fire("started");
        job.listener.started();
        this.#output.start();
        // The next worker boots a moment into a silent run (never while this one boots); a
        // program that prints keeps the machine until it ends or Stop is pressed.
        this.#spare.schedule(this.#busy, SPARE_DELAY_MS);
        askForPrecache(); // the runtime is here: the rest of the site may be cached now
        if (job.stopPressed) this.#ladder.interrupt(job);
        break;
      case "output":
        // Only without shared memory does output come as messages (otherwise it is in the ring).
        if (message.runId !== job.id || connection.ring) return;
        job.listener.output(drainedText(message.stream, message.text));
        this.#spare.unschedule();
        break;
      case "input-request":
        if (message.runId !== job.id) return;
        this.#drain(job);
        if (job.stopPressed) {
          connection.shared?.stdin.cancel();
          return;
        }
        this.#fire("input-requested");
        job.listener.inputRequested();
        break;
      case "input-eof":
        if (message.runId === job.id) job.listener.inputEof();
        break;
      case "result": {
        if (message.runId !== job.id) return;
        const { result } = message;
        // A SIGKILL the driver answered: the reason is the page's (why it was sent).
        const reason = job.killReason;
        this.#end(
          job,
          result.outcome === "killed" && reason !== undefined ? { ...result, reason } : result,
        );
        break;
      }
      case "error":
        if (message.runId !== null && message.runId !== job.id) return;
        this.#fail(job, message.error);
        break;
      default:
        assertNever(message);
    }
  }

  #drain(job: Job): void {
    const drained = this.#active?.ring?.drain(MAX_LINES); // a flood's older lines: counted only
    if (drained && (drained.chunks.length || drained.dropped)) {
      job.listener.output(drained);
      this.#spare.unschedule();
    }
  }

  /** The page is left (pagehide): a running program is killed at once, waiting runs dropped. */
  leave(): void {
    this.#ladder.abandon(this.#queue.leave(LEFT.beforeStart), LEFT.whileRunning);
  }

  /** The run is over (its result, or a kill): its worker goes, the next job may start. */
  #end(job: Job, result: RunResult): void {
    if (this.#queue.current !== job) return;
    this.#drain(job);
    this.#ladder.disarm();
    this.#active?.terminate();
    this.#active = null;
    this.#queue.current = null;
    this.#fire(result.outcome === "killed" ? "killed" : "ended");
    job.listener.ended(result, job.stopPressed);
    this.#spare.schedule(this.#busy);
    this.#fire(this.#spare.current?.ready ? "ready" : "spawn");
    this.#pump();
  }

  #fail(job: Job, error: RunnerError): void {
    if (this.#queue.current !== job) return;
    this.#ladder.disarm();
    this.#active?.terminate();
    this.#active = null;
    this.#queue.current = null;
    this.#fire("failed");
    job.listener.failed(error);
    // Queued runs would fail the same way: each is told, and the reader's next Run retries.
    for (const queued of this.#queue.drop()) queued.listener.failed(error);
  }

  #died(connection: Connection, error: RunnerError): void {
    connection.terminate();
    if (this.#spare.forget(connection)) {
      // A spare that cannot boot: the next Run makes a new one (and says so if it fails too).
      if (!this.#queue.current) this.#fire("failed");
      return;
    }
    const job = this.#queue.current;
    if (connection === this.#active && job) this.#fail(job, error);
  }
}
