/**
 * Presses Stop from another thread: the thread running Python is blocked, so it cannot send
 * SIGINT to itself on a timer. `arm()` starts the clock (call it when the program starts).
 *
 * If the program is still running `REPEAT_MS` after a SIGINT, it is sent again, and counted: a
 * lost interrupt then shows up as `sent() > 1` in a check instead of hanging the test run.
 */
import { Worker } from "node:worker_threads";

export const REPEAT_MS = 3000;

export interface Interrupter {
  arm(): void;
  /** How many times SIGINT was written (1 when the first one did its job). */
  sent(): number;
  close(): Promise<number>;
}

/** A helper thread that writes SIGINT into `buffer` `ms` after `arm()`. */
export function interrupter(buffer: Int32Array, ms: number): Interrupter {
  const count = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const send = () => {
       Atomics.add(workerData.count, 0, 1);
       Atomics.store(workerData.buffer, 0, 2);
       Atomics.notify(workerData.buffer, 0);
     };
     parentPort.once("message", () => setTimeout(() => {
       send();
       setInterval(send, ${String(REPEAT_MS)});
     }, ${String(ms)}));`,
    { eval: true, workerData: { buffer, count } },
  );
  return {
    arm: () => {
      worker.postMessage("go");
    },
    sent: () => Atomics.load(count, 0),
    close: () => worker.terminate(),
  };
}
