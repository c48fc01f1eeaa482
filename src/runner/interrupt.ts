/**
 * SIGINT through Pyodide's interrupt buffer: an `Int32Array` over a `SharedArrayBuffer` that the
 * controller writes and the interpreter polls. Writing 2 (SIGINT) makes Python raise
 * KeyboardInterrupt (or run the script's SIGINT handler) at its next check; `Atomics.notify` also
 * wakes a `time.sleep` parked in `waitForInterrupt`, so Stop lands within milliseconds.
 */

/** The signal number Pyodide expects in the buffer. */
export const SIGINT = 2;

/**
 * A fresh buffer to share between a controller and the thread running Python. Slot 0 is
 * Pyodide's (the signal number); slot 1 counts SIGINTs the program's handler actually received.
 */
export function createInterruptBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Called by the runner when the SIGINT handler runs (see `sendSigintReliably`). */
export function noteDelivered(buffer: Int32Array): void {
  if (buffer.length > 1) Atomics.add(buffer, 1, 1);
}

/** How many SIGINTs reached the program's handler so far. */
export function deliveredCount(buffer: Int32Array): number {
  return buffer.length > 1 ? Atomics.load(buffer, 1) : 0;
}

/** How long a SIGINT may go unhandled before it is written again. */
export const SIGINT_RETRY_MS = 250;

/**
 * Sends SIGINT and makes sure it lands. Pyodide can consume the buffer at a moment when CPython
 * does not yet act on the tripped signal (seen ~1 in 40 runs when SIGINT arrives in the first
 * milliseconds); a tight loop then never looks again. If the handler has not run after
 * `SIGINT_RETRY_MS` and the buffer is empty, the same SIGINT is written again — still one
 * interrupt for the program. Stops retrying when `stillRunning()` turns false.
 */
export function sendSigintReliably(buffer: Int32Array, stillRunning: () => boolean): void {
  const before = deliveredCount(buffer);
  sendSigint(buffer);
  const retry = (): void => {
    if (!stillRunning() || deliveredCount(buffer) !== before) return;
    if (Atomics.load(buffer, 0) === 0) sendSigint(buffer);
    setTimeout(retry, SIGINT_RETRY_MS);
  };
  setTimeout(retry, SIGINT_RETRY_MS);
}

/** Requests SIGINT and wakes a sleeping interpreter. Safe to call from any thread. */
export function sendSigint(buffer: Int32Array): void {
  Atomics.store(buffer, 0, SIGINT);
  Atomics.notify(buffer, 0);
}

/** Forgets a pending interrupt, e.g. a Stop that arrived after the run had already ended. */
export function clearInterrupt(buffer: Int32Array): void {
  Atomics.store(buffer, 0, 0);
}

/** True when an interrupt is waiting to be delivered. */
export function interruptPending(buffer: Int32Array): boolean {
  return Atomics.load(buffer, 0) !== 0;
}

/**
 * Blocks the calling thread for up to `ms` milliseconds or until an interrupt is requested,
 * whichever comes first; true when woken by an interrupt. Only for threads allowed to block
 * (workers, Node), which is where the interpreter runs.
 */
export function waitForInterrupt(buffer: Int32Array, ms: number): boolean {
  if (Atomics.load(buffer, 0) !== 0) return true;
  const outcome = Atomics.wait(buffer, 0, 0, Math.max(0, ms));
  return outcome !== "timed-out" || Atomics.load(buffer, 0) !== 0;
}
