/**
 * The signal channel: an `Int32Array` over a `SharedArrayBuffer`, both ends. Slot 0 is Pyodide's
 * interrupt buffer; Pyodide acts only on a 2 there (it runs Python's SIGINT handler, which the
 * runner's driver owns), so slot 2 says which signals are pending, one bit each (SIGINT, SIGTERM,
 * and SIGKILL, which asks the driver to account for what never ran and end at once). Slot 1 counts
 * the times the driver's handler ran. `Atomics.notify` also wakes a `time.sleep` parked in `wait`,
 * so a signal lands within milliseconds.
 *
 * The controller end (`sendSignal`, `sendSignalReliably`, `clearInterrupt`) is used by the page's
 * Stop ladder and signal menu, the CLI's clock and the docs' interrupter; the core end
 * (`interruptReceiver`) is handed to the runner core, which knows it only as an `InterruptLine`.
 */
import { Atom } from "./atomics.ts";
import { SIGNALS } from "../runner/outcome.ts";
import type { InterruptLine } from "../runner/interrupt-line.ts";

export { SIGNALS, type SignalName } from "../runner/outcome.ts";

/** The signal number Pyodide acts on: every signal rides on it. */
export const SIGINT = SIGNALS.SIGINT;

/** How long a signal may go unhandled before it is written again (see `sendSignalReliably`). */
export const SIGINT_RETRY_MS = 250;

/** How long a program may ignore SIGINT before Stop (or the CLI) kills it. */
export const STOP_GRACE_MS = 2000;

/**
 * How long a SIGKILL waits for the driver's handler to start (a program stuck in C code cannot
 * answer) before the thread running it is terminated.
 */
export const KILL_ANSWER_MS = 500;

/**
 * Once the driver's handler has started (the delivered count moved), how long it may take to note
 * what never ran and end the program itself: on a busy machine that is more than the first
 * answer's window, and a kill then would lose the way out (CI saw it under load).
 */
export const KILL_ACCOUNT_MS = 3000;

const SIGNAL = 0;
const DELIVERED = 1;
const PENDING = 2;

/** A fresh buffer to share between a controller and the thread running Python. */
export function createInterruptBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
}

/** How many times the driver's signal handler ran so far. */
function deliveredCount(buffer: Int32Array): number {
  return buffer.length > 1 ? Atom.load(buffer, DELIVERED) : 0;
}

/** Requests `signal` and wakes a sleeping interpreter. Safe to call from any thread. */
export function sendSignal(buffer: Int32Array, signal: number = SIGINT): void {
  if (buffer.length > PENDING) Atom.or(buffer, PENDING, 1 << signal);
  Atom.store(buffer, SIGNAL, SIGINT);
  Atom.notify(buffer, SIGNAL);
}

/** Requests SIGINT (Ctrl+C). */
export function sendSigint(buffer: Int32Array): void {
  sendSignal(buffer, SIGINT);
}

/**
 * Sends `signal` and makes sure it lands. Pyodide can consume the buffer at a moment when CPython
 * does not yet act on the tripped signal (seen ~1 in 40 runs when SIGINT arrives in the first
 * milliseconds); a tight loop then never looks again. If the handler has not run after
 * `SIGINT_RETRY_MS` and the buffer is empty, it is written again — still one signal for the
 * program. Stops retrying when `stillRunning()` turns false. `onRewrite` hears each rewrite (the
 * docs' interrupter counts them).
 */
export function sendSignalReliably(
  buffer: Int32Array,
  signal: number,
  stillRunning: () => boolean,
  onRewrite?: () => void,
): void {
  const before = deliveredCount(buffer);
  sendSignal(buffer, signal);
  const retry = (): void => {
    if (!stillRunning() || deliveredCount(buffer) !== before) return;
    if (Atom.load(buffer, SIGNAL) === 0) {
      onRewrite?.();
      Atom.store(buffer, SIGNAL, SIGINT);
      Atom.notify(buffer, SIGNAL);
    }
    setTimeout(retry, SIGINT_RETRY_MS);
  };
  setTimeout(retry, SIGINT_RETRY_MS);
}

/**
 * SIGKILL: the driver notes what never ran and ends the program itself (its result then carries
 * the way out). A program stuck in C code cannot answer: if its handler has not started within
 * `KILL_ANSWER_MS`, or has not ended the run within `KILL_ACCOUNT_MS`, and it `stillRunning()`,
 * `terminate()` ends it from outside.
 */
export function sendSigkill(
  buffer: Int32Array,
  stillRunning: () => boolean,
  terminate: () => void,
): void {
  const before = deliveredCount(buffer);
  // Written again if the buffer was taken without the handler running (as for SIGINT): CI saw a
  // Python loop killed from outside, its way out lost, once in some 200 runs under load.
  sendSignalReliably(buffer, SIGNALS.SIGKILL, stillRunning);
  setTimeout(() => {
    if (!stillRunning()) return;
    if (deliveredCount(buffer) === before) {
      terminate();
      return;
    }
    setTimeout(() => {
      if (stillRunning()) terminate();
    }, KILL_ACCOUNT_MS - KILL_ANSWER_MS);
  }, KILL_ANSWER_MS);
}

/** `sendSignalReliably` for SIGINT: Stop, and Ctrl+C. */
export function sendSigintReliably(
  buffer: Int32Array,
  stillRunning: () => boolean,
  onRewrite?: () => void,
): void {
  sendSignalReliably(buffer, SIGINT, stillRunning, onRewrite);
}

/** Forgets a pending signal, e.g. a Stop that arrived after the run had already ended. */
export function clearInterrupt(buffer: Int32Array): void {
  Atom.store(buffer, SIGNAL, 0);
  if (buffer.length > PENDING) Atom.store(buffer, PENDING, 0);
}

/** The core's end of the channel, for the thread that runs Python (allowed to block). */
export function interruptReceiver(buffer: Int32Array): InterruptLine {
  return {
    buffer,
    pending: () => Atom.load(buffer, SIGNAL) !== 0,
    wait(ms) {
      if (Atom.load(buffer, SIGNAL) !== 0) return true;
      const outcome = Atom.wait(buffer, SIGNAL, 0, Math.max(0, ms));
      return outcome !== "timed-out" || Atom.load(buffer, SIGNAL) !== 0;
    },
    delivered() {
      if (buffer.length > 1) Atom.add(buffer, DELIVERED, 1);
    },
    take() {
      // A 2 written without a pending bit (by an older controller) is a SIGINT.
      const bits = buffer.length > PENDING ? Atom.exchange(buffer, PENDING, 0) : 0;
      const signals: number[] = [];
      for (let signal = 1; signal < 31; signal += 1) if (bits & (1 << signal)) signals.push(signal);
      return signals.length ? signals : [SIGINT];
    },
    requeue(signals) {
      for (const signal of signals) sendSignal(buffer, signal);
    },
    clear() {
      clearInterrupt(buffer);
    },
  };
}
