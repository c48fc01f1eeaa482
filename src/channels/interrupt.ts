/**
 * The SIGINT channel: an `Int32Array` over a `SharedArrayBuffer`, both ends. Slot 0 is Pyodide's
 * interrupt buffer (the signal number; Python raises KeyboardInterrupt, or runs the script's
 * handler, at its next check); slot 1 counts SIGINTs the program's handler actually received.
 * `Atomics.notify` also wakes a `time.sleep` parked in `wait`, so Stop lands within milliseconds.
 *
 * The controller end (`sendSigint`, `sendSigintReliably`, `clearInterrupt`) is used by the page's
 * Stop ladder, the CLI's clock and the docs' interrupter; the core end (`interruptReceiver`) is
 * handed to the runner core, which knows it only as an `InterruptLine`.
 */
import { Atom } from "./atomics.ts";
import type { InterruptLine } from "../runner/runner.ts";

/** The signal number Pyodide expects in the buffer. */
export const SIGINT = 2;

/** How long a SIGINT may go unhandled before it is written again (see `sendSigintReliably`). */
export const SIGINT_RETRY_MS = 250;

/** How long a program may ignore SIGINT before Stop (or the CLI) kills it. */
export const STOP_GRACE_MS = 2000;

const SIGNAL = 0;
const DELIVERED = 1;

/** A fresh buffer to share between a controller and the thread running Python. */
export function createInterruptBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** How many SIGINTs reached the program's handler so far. */
function deliveredCount(buffer: Int32Array): number {
  return buffer.length > 1 ? Atom.load(buffer, DELIVERED) : 0;
}

/** Requests SIGINT and wakes a sleeping interpreter. Safe to call from any thread. */
export function sendSigint(buffer: Int32Array): void {
  Atom.store(buffer, SIGNAL, SIGINT);
  Atom.notify(buffer, SIGNAL);
}

/**
 * Sends SIGINT and makes sure it lands. Pyodide can consume the buffer at a moment when CPython
 * does not yet act on the tripped signal (seen ~1 in 40 runs when SIGINT arrives in the first
 * milliseconds); a tight loop then never looks again. If the handler has not run after
 * `SIGINT_RETRY_MS` and the buffer is empty, the same SIGINT is written again — still one
 * interrupt for the program. Stops retrying when `stillRunning()` turns false. `onRewrite` hears
 * each rewrite (the docs' interrupter counts them).
 */
export function sendSigintReliably(
  buffer: Int32Array,
  stillRunning: () => boolean,
  onRewrite?: () => void,
): void {
  const before = deliveredCount(buffer);
  sendSigint(buffer);
  const retry = (): void => {
    if (!stillRunning() || deliveredCount(buffer) !== before) return;
    if (Atom.load(buffer, SIGNAL) === 0) {
      onRewrite?.();
      sendSigint(buffer);
    }
    setTimeout(retry, SIGINT_RETRY_MS);
  };
  setTimeout(retry, SIGINT_RETRY_MS);
}

/** Forgets a pending interrupt, e.g. a Stop that arrived after the run had already ended. */
export function clearInterrupt(buffer: Int32Array): void {
  Atom.store(buffer, SIGNAL, 0);
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
    clear() {
      clearInterrupt(buffer);
    },
  };
}
