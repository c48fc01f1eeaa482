/**
 * SIGINT through Pyodide's interrupt buffer: an `Int32Array` over a `SharedArrayBuffer` that the
 * controller writes and the interpreter polls. Writing 2 (SIGINT) makes Python raise
 * KeyboardInterrupt (or run the script's SIGINT handler) at its next check; `Atomics.notify` also
 * wakes a `time.sleep` parked in `waitForInterrupt`, so Stop lands within milliseconds.
 */

/** The signal number Pyodide expects in the buffer. */
export const SIGINT = 2;

/** A fresh buffer to share between a controller and the thread running Python. */
export function createInterruptBuffer(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
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
