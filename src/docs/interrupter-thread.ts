/**
 * The interrupter's thread (see `interrupter.ts`): waits for "go", then presses Stop after the
 * given delay with the same reliable SIGINT as the page and the CLI, and keeps pressing every
 * `repeatMs` while the program runs, counting each press in `count[0]` and each rewrite of a
 * consumed-but-unhandled SIGINT in `count[1]`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { sendSigintReliably } from "../channels/interrupt.ts";

interface ThreadData {
  buffer: Int32Array;
  count: Int32Array;
  ms: number;
  repeatMs: number;
}

const { buffer, count, ms, repeatMs } = workerData as ThreadData;
const press = (): void => {
  Atomics.add(count, 0, 1);
  sendSigintReliably(
    buffer,
    () => true,
    () => Atomics.add(count, 1, 1),
  );
};
parentPort?.once("message", () => {
  setTimeout(() => {
    press();
    setInterval(press, repeatMs);
  }, ms);
});
