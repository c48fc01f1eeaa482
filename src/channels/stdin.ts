/**
 * `input()` in a worker that is busy running Python: the worker blocks on a SharedArrayBuffer
 * until the page writes a line into it (or cancels, on Stop). Both ends live here so the layout
 * of the buffer is defined once. No DOM; the worker side blocks with `Atomics.wait`.
 */
import { Atom } from "./atomics.ts";

const STATE = 0;
const LENGTH = 1;
const HEADER_BYTES = 8;
/** Longest line the reader can send at once; longer input arrives over several reads. */
export const STDIN_CAPACITY = 64 * 1024;

const IDLE = 0;
const REQUESTED = 1;
const READY = 2;
const CANCELLED = 3;

/** A fresh buffer for one page's worker. */
export function createStdinBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + STDIN_CAPACITY);
}

/** The page's end: answers a pending `input()`, or cancels it. */
export class StdinWriter {
  readonly #header: Int32Array;
  readonly #data: Uint8Array;

  constructor(buffer: SharedArrayBuffer) {
    this.#header = new Int32Array(buffer, 0, 2);
    this.#data = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** Sends one line (a newline is added) to the program waiting in `input()`. */
  send(line: string): void {
    const bytes = new TextEncoder().encode(`${line}\n`).subarray(0, STDIN_CAPACITY);
    this.#data.set(bytes);
    Atom.store(this.#header, LENGTH, bytes.length);
    Atom.store(this.#header, STATE, READY);
    Atom.notify(this.#header, STATE);
  }

  /** Wakes a waiting reader with nothing (Stop); the runner then raises KeyboardInterrupt. */
  cancel(): void {
    Atom.store(this.#header, STATE, CANCELLED);
    Atom.notify(this.#header, STATE);
  }
}

/** The worker's end: a blocking reader for Pyodide's stdin. */
export class StdinReader {
  readonly #header: Int32Array;
  readonly #data: Uint8Array;
  #pending: Uint8Array = new Uint8Array(0);
  readonly #request: () => void;

  /** `request` tells the page a line is wanted (it shows the input field). */
  constructor(buffer: SharedArrayBuffer, request: () => void) {
    this.#header = new Int32Array(buffer, 0, 2);
    this.#data = new Uint8Array(buffer, HEADER_BYTES);
    this.#request = request;
  }

  /** Forgets anything left from an earlier run. */
  reset(): void {
    this.#pending = new Uint8Array(0);
    Atom.store(this.#header, STATE, IDLE);
  }

  /** Fills `buffer`; blocks until the page answers. Returns 0 when cancelled (EOF to Python). */
  read(buffer: Uint8Array): number {
    if (this.#pending.length === 0) {
      Atom.store(this.#header, STATE, REQUESTED);
      this.#request();
      while (Atom.load(this.#header, STATE) === REQUESTED) {
        Atom.wait(this.#header, STATE, REQUESTED);
      }
      const state = Atom.load(this.#header, STATE);
      Atom.store(this.#header, STATE, IDLE);
      if (state !== READY) return 0;
      this.#pending = this.#data.slice(0, Atom.load(this.#header, LENGTH));
    }
    const n = Math.min(buffer.length, this.#pending.length);
    buffer.set(this.#pending.subarray(0, n));
    this.#pending = this.#pending.subarray(n);
    return n;
  }
}
