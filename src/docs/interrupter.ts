/**
 * Presses Stop from another thread: the thread running Python is blocked, so it cannot send
 * SIGINT to itself on a timer. `arm()` starts the clock (call it when the program starts).
 *
 * If the program is still running `REPEAT_MS` after a SIGINT, a new one is sent and counted: a
 * truly lost interrupt shows up as `sent() > 1` instead of hanging the run.
 */
import { Worker } from "node:worker_threads";

export const REPEAT_MS = 3000;

export interface Interrupter {
  arm(): void;
  /** How many times Stop was pressed (1 when the first SIGINT did its job). */
  sent(): number;
  close(): Promise<number>;
}

/** A helper thread that writes SIGINT into `buffer` `ms` after `arm()`. */
export function interrupter(buffer: Int32Array, ms: number): Interrupter {
  const count = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(new URL("./interrupter-thread.ts", import.meta.url), {
    workerData: { buffer, count, ms, repeatMs: REPEAT_MS },
  });
  return {
    arm: () => {
      worker.postMessage("go");
    },
    sent: () => Atomics.load(count, 0),
    close: () => worker.terminate(),
  };
}
