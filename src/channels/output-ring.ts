/**
 * A program's output, from the busy worker to the page, through a SharedArrayBuffer ring. The
 * worker cannot run timers while Python runs, so batching output into messages would hold text
 * back whenever the program goes quiet; instead it appends here on every write and the page
 * drains the ring once per animation frame: live, batched, and never a message per print().
 *
 * Single producer (the worker), single consumer (the page). Records are
 * `[stream, length high, length low, ...UTF-16 code units]`. When the page falls behind and the
 * ring is full, new text is dropped and counted, and the page says how much was lost.
 */
import { Atom } from "./atomics.ts";
import type { Stream } from "../runner/result.ts";

const USED = 0;
const DROPPED = 1;
const HEADER = 8; // two Int32 counters
const RECORD_HEADER = 3;

/** Ring size in UTF-16 code units (8 MiB of memory). */
export const RING_CAPACITY = 4 * 1024 * 1024;

/** A fresh ring for one page's worker. */
export function createOutputRing(capacity: number = RING_CAPACITY): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + capacity * 2);
}

const streamCode = (stream: Stream): number => (stream === "stdout" ? 1 : 2);

/** The worker's end. */
export class OutputRingWriter {
  readonly #header: Int32Array;
  readonly #data: Uint16Array;
  #write = 0;

  constructor(buffer: SharedArrayBuffer) {
    this.#header = new Int32Array(buffer, 0, 2);
    this.#data = new Uint16Array(buffer, HEADER);
  }

  /** Appends text; drops (and counts) it when the page has not kept up. */
  write(stream: Stream, text: string): void {
    const cap = this.#data.length;
    const max = Math.min(cap - RECORD_HEADER, 0xffffffff);
    for (let start = 0; start < text.length; start += max) {
      const part = text.slice(start, start + max);
      const need = part.length + RECORD_HEADER;
      if (need > cap - Atom.load(this.#header, USED)) {
        Atom.add(this.#header, DROPPED, part.length);
        continue;
      }
      let w = this.#write;
      const put = (unit: number): void => {
        this.#data[w] = unit;
        w = w + 1 === cap ? 0 : w + 1;
      };
      put(streamCode(stream));
      put(Math.floor(part.length / 0x10000));
      put(part.length % 0x10000);
      for (let i = 0; i < part.length; i += 1) put(part.charCodeAt(i));
      this.#write = w;
      Atom.add(this.#header, USED, need);
    }
  }
}

/** What one drain of the ring produced, in order. */
export interface Drained {
  chunks: { stream: Stream; text: string }[];
  /** Code units dropped since the last drain because the ring was full. */
  dropped: number;
}

/** The page's end. */
export class OutputRingReader {
  readonly #header: Int32Array;
  readonly #data: Uint16Array;
  readonly #decoder = new TextDecoder("utf-16le");
  #read = 0;
  #corrupt = false;

  constructor(buffer: SharedArrayBuffer) {
    this.#header = new Int32Array(buffer, 0, 2);
    this.#data = new Uint16Array(buffer, HEADER);
  }

  /**
   * Takes everything written so far. The worker's side is not trusted: a header or record that
   * cannot be right (a count beyond the ring, an unknown stream, a length past what was written)
   * ends the drain, and everything pending is dropped and counted instead of being read.
   */
  drain(): Drained {
    const cap = this.#data.length;
    const used = Atom.load(this.#header, USED);
    const chunks: Drained["chunks"] = [];
    if (this.#corrupt || used < 0 || used > cap) return this.#discard(used, chunks);
    let consumed = 0;
    let r = this.#read;
    const take = (): number => {
      const unit = this.#data[r] ?? 0;
      r = r + 1 === cap ? 0 : r + 1;
      return unit;
    };
    while (consumed < used) {
      const code = take();
      const length = take() * 0x10000 + take();
      if ((code !== 1 && code !== 2) || length > used - consumed - RECORD_HEADER)
        return this.#discard(used, chunks);
      const stream: Stream = code === 1 ? "stdout" : "stderr";
      // Copy out of shared memory (TextDecoder refuses shared views), at most two pieces.
      const first = this.#data.slice(r, Math.min(cap, r + length));
      const rest = first.length < length ? this.#data.slice(0, length - first.length) : null;
      const text = this.#decoder.decode(first) + (rest ? this.#decoder.decode(rest) : "");
      r = (r + length) % cap;
      const last = chunks.at(-1);
      if (last && last.stream === stream) last.text += text;
      else chunks.push({ stream, text });
      consumed += length + RECORD_HEADER;
    }
    this.#read = r;
    if (consumed) Atom.sub(this.#header, USED, consumed);
    return { chunks, dropped: this.#takeDropped() };
  }

  #takeDropped(): number {
    const dropped = Atom.exchange(this.#header, DROPPED, 0);
    return dropped > 0 ? dropped : 0;
  }

  /**
   * A corrupt ring: nothing more is read from it (the two ends no longer agree where records
   * start), and what was pending, now and later, counts as dropped.
   */
  #discard(used: number, chunks: Drained["chunks"]): Drained {
    this.#corrupt = true;
    Atom.store(this.#header, USED, 0);
    const lost = used > 0 && used <= this.#data.length ? used : this.#data.length;
    return { chunks, dropped: this.#takeDropped() + lost };
  }
}
