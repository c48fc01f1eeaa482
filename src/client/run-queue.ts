/**
 * Runs wait their turn: one page has one interpreter, so a Run pressed while another block's
 * program runs is queued (and says so) until the current one ends.
 */
import type { Drained } from "../channels/output-ring.ts";
import type { RunRequest, RunResult, RunnerError } from "../runner/result.ts";

/** What a block hears about its run. */
export interface RunListener {
  /** Queued behind another block's run. */
  queued(): void;
  /** Waiting for Python to load (first run, or after a restart). */
  loading(): void;
  started(): void;
  output(drained: Drained): void;
  inputRequested(): void;
  /** The program read its input and got end of file (this page cannot pass input to it). */
  inputEof(): void;
  /** Stop was pressed: SIGINT sent; the kill follows at `deadline` (a `performance.now()` time). */
  stopping(deadline: number): void;
  ended(result: RunResult, stopPressed: boolean): void;
  failed(error: RunnerError): void;
}

/** What a block holds on to for its run. */
export interface RunHandle {
  stop(): void;
  /** Sends SIGTERM (the program's handler, or its default action) or SIGKILL. */
  signal(name: "SIGTERM" | "SIGKILL"): void;
  sendInput(line: string): void;
}

/** One requested run, from its queueing to its ending. */
export interface Job {
  readonly id: number;
  readonly request: RunRequest;
  readonly listener: RunListener;
  stopPressed: boolean;
  started: boolean;
  startedAt: number;
  /** Why it is being killed, once a SIGKILL is on its way (its result then says so). */
  killReason?: string;
}

/** The waiting runs and the one running now. */
export class RunQueue {
  #waiting: Job[] = [];
  #nextId = 1;
  /** The job whose program the worker is running (or about to). */
  current: Job | null = null;

  /** Queues a run; tells its listener when it has to wait behind another. */
  add(request: RunRequest, listener: RunListener): Job {
    const job: Job = {
      id: this.#nextId++,
      request,
      listener,
      stopPressed: false,
      started: false,
      startedAt: 0,
    };
    this.#waiting.push(job);
    if (this.current) listener.queued();
    return job;
  }

  /** Makes the next waiting job current, if nothing runs; returns it. */
  next(): Job | null {
    if (this.current) return null;
    this.current = this.#waiting.shift() ?? null;
    return this.current;
  }

  /** Removes a job that has not started; false when it was not waiting. */
  cancel(job: Job): boolean {
    const i = this.#waiting.indexOf(job);
    if (i === -1) return false;
    this.#waiting.splice(i, 1);
    return true;
  }

  /** The page is going: each waiting run fails with `error`; returns the one running, if any. */
  leave(error: RunnerError): Job | null {
    for (const job of this.drop()) job.listener.failed(error);
    return this.current;
  }

  /** Empties the queue (every waiting run would fail the same way); returns what was waiting. */
  drop(): Job[] {
    return this.#waiting.splice(0);
  }
}
