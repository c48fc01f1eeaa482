/**
 * Presses Stop from another thread: the thread running Python is blocked, so it cannot send
 * SIGINT to itself on a timer. `arm()` starts the clock (call it when the program starts).
 *
 * A SIGINT Pyodide consumed without CPython acting on it is written again after 250 ms, as the
 * page and the CLI do. If the program is still running `REPEAT_MS` after a SIGINT, a new one is
 * sent and counted: a truly lost interrupt shows up as `sent() > 1` instead of hanging the run.
 */
import { Worker } from "node:worker_threads";
import { SIGINT_RETRY_MS } from "../runner/interrupt.ts";

export const REPEAT_MS = 3000;

export interface Interrupter {
  arm(): void;
  /** How many times SIGINT was written (1 when the first one did its job). */
  sent(): number;
  /** How many times a consumed-but-unhandled SIGINT was written again (see interrupt.ts). */
  retries(): number;
  close(): Promise<number>;
}

/** A helper thread that writes SIGINT into `buffer` `ms` after `arm()`. */
export function interrupter(buffer: Int32Array, ms: number): Interrupter {
  const count = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const { buffer, count } = workerData;
     const delivered = () => Atomics.load(buffer, 1);
     const send = () => {
       Atomics.add(count, 0, 1);
       Atomics.store(buffer, 0, 2);
       Atomics.notify(buffer, 0);
     };
     parentPort.once("message", () => setTimeout(() => {
       const before = delivered();
       send();
       // The same retry as sendSigintReliably (interrupt.ts): a SIGINT consumed but not acted on.
       const retry = setInterval(() => {
         if (delivered() !== before) return clearInterval(retry);
         if (Atomics.load(buffer, 0) === 0) {
           Atomics.add(count, 1, 1);
           Atomics.store(buffer, 0, 2);
           Atomics.notify(buffer, 0);
         }
       }, ${String(SIGINT_RETRY_MS)});
       setInterval(send, ${String(REPEAT_MS)});
     }, ${String(ms)}));`,
    { eval: true, workerData: { buffer, count } },
  );
  return {
    arm: () => {
      worker.postMessage("go");
    },
    sent: () => Atomics.load(count, 0),
    retries: () => Atomics.load(count, 1),
    close: () => worker.terminate(),
  };
}
