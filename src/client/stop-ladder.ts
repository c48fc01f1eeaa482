/**
 * The Stop ladder, as Ctrl+C works in a terminal and then some: the first Stop cancels a pending
 * `input()` and sends SIGINT (KeyboardInterrupt, or the script's handler) through shared memory;
 * if the program is still running after the grace period, or Stop is pressed again, the worker
 * is terminated (status 137, like SIGKILL). Without shared memory the only rung is the kill.
 */
import {
  SIGNALS,
  STOP_GRACE_MS,
  sendSigintReliably,
  sendSigkill,
  sendSignalReliably,
} from "../channels/interrupt.ts";
import type { SharedChannels } from "./connection.ts";
import { sigtermKillsReason, stopKillsReason } from "./page-limits.ts";
import type { Job } from "./run-queue.ts";

/** What the ladder needs from the client. */
export interface LadderHost {
  /** The job still running, if any (SIGINT retries stop when it ends). */
  current(): Job | null;
  /** The running worker's channels (null without shared memory). */
  channels(): SharedChannels | null;
  /** SIGINT is on its way; the kill follows at `deadline` unless the program ends first. */
  sigintSent(job: Job, deadline: number): void;
  /** Ends the job as killed, at once (`reason` says why). */
  kill(job: Job, reason: string): void;
}

/**
 * Leaving the page ends its runs as closing a terminal ends what runs in it: nothing goes on
 * unseen in a page the browser keeps to show again (back/forward cache), whose blocks then say so.
 */
export const LEFT = {
  whileRunning: "you left the page while it ran, so the interpreter was terminated",
  beforeStart: { code: "internal", message: "Cancelled: the page was left before it started." },
} as const;

/** One ladder per page; `press` is each click of Stop. */
export class StopLadder {
  readonly #sharedMemory: boolean;
  readonly #host: LadderHost;
  readonly #graceMs: number;
  #killTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(sharedMemory: boolean, host: LadderHost, graceMs = STOP_GRACE_MS) {
    this.#sharedMemory = sharedMemory;
    this.#host = host;
    this.#graceMs = graceMs;
  }

  /** Terminates the worker at once, not asking the driver what never ran (the page is going). */
  abandon(job: Job | null, reason: string): void {
    if (!job) return;
    job.killReason ??= reason;
    this.#host.kill(job, job.killReason);
  }

  /** SIGKILL (`sendSigkill`); without shared memory, the worker is terminated at once. */
  kill(job: Job, reason: string): void {
    if (job.killReason !== undefined) return;
    job.killReason = reason;
    const shared = this.#host.channels();
    if (!shared || !job.started) {
      this.#host.kill(job, reason);
      return;
    }
    sendSigkill(
      shared.interrupt,
      () => this.#host.current() === job,
      () => {
        this.#host.kill(job, reason);
      },
    );
  }

  /** SIGTERM for the running job: its handler runs, or its default action ends it (143). */
  terminate(job: Job): void {
    const shared = this.#host.channels();
    if (!shared) {
      this.kill(job, sigtermKillsReason());
      return;
    }
    sendSignalReliably(shared.interrupt, SIGNALS.SIGTERM, () => this.#host.current() === job);
    shared.stdin.cancel(); // a program waiting in input() gets it there
  }

  /** Stop pressed for the running (or about to start) job. */
  press(job: Job): void {
    if (job.stopPressed) {
      this.kill(job, "you pressed Stop twice, so the interpreter was terminated");
      return;
    }
    if (!this.#sharedMemory) {
      this.kill(job, stopKillsReason());
      return;
    }
    job.stopPressed = true;
    // Before the program starts, Stop waits for it: SIGINT then lands on its first line, as
    // Ctrl+C right after launching a script would.
    if (job.started) this.interrupt(job);
  }

  /** Sends SIGINT and arms the kill; called by `press`, or when a stopped job starts. */
  interrupt(job: Job): void {
    const shared = this.#host.channels();
    if (!shared) return;
    sendSigintReliably(shared.interrupt, () => this.#host.current() === job);
    shared.stdin.cancel();
    this.#host.sigintSent(job, performance.now() + this.#graceMs);
    this.#killTimer = setTimeout(() => {
      this.kill(
        job,
        `the program ignored Stop for ${String(this.#graceMs / 1000)} s, so it was killed (SIGKILL)`,
      );
    }, this.#graceMs);
  }

  /** The run ended (or was killed): no kill may follow. */
  disarm(): void {
    if (this.#killTimer !== null) clearTimeout(this.#killTimer);
    this.#killTimer = null;
  }
}
