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
      const data = this.#data;
      let w = this.#write;
      data[w] = streamCode(stream);
      data[(w + 1) % cap] = Math.floor(part.length / 0x10000);
      data[(w + 2) % cap] = part.length % 0x10000;
      w = (w + RECORD_HEADER) % cap;
      // Two plain loops (up to the end of the ring, then from its start): a print flood writes
      // every character here.
      const split = Math.min(part.length, cap - w);
      for (let i = 0; i < split; i += 1) data[w + i] = part.charCodeAt(i);
      for (let i = split; i < part.length; i += 1) data[i - split] = part.charCodeAt(i);
      w = (w + part.length) % cap;
      this.#write = w;
      // Into an empty ring: wake a page waiting for output (`written`), so it shows at once.
      if (Atom.add(this.#header, USED, need) === 0) Atom.notify(this.#header, USED);
    }
  }
}

/** What one drain of the ring produced, in order. */
export interface Drained {
  chunks: { stream: Stream; text: string }[];
  /** Code units dropped since the last drain because the ring was full. */
  dropped: number;
  /**
   * Complete lines at the start of this drain that were counted but never decoded, because at
   * least `keepLines` newer lines follow them (a print flood): everything older is gone too.
   */
  skippedLines: number;
}

interface Record {
  stream: Stream;
  start: number;
  length: number;
}

const NEWLINE = 0x0a;

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
   * Takes everything written so far; of a flood, only the last `keepLines` lines are decoded
   * (the rest is counted). The worker's side is not trusted: a header or record that cannot be
   * right (a count beyond the ring, an unknown stream, a length past what was written) ends the
   * drain, and everything pending is dropped and counted instead of being read.
   */
  drain(keepLines = Infinity): Drained {
    const cap = this.#data.length;
    const used = Atom.load(this.#header, USED);
    if (this.#corrupt || used < 0 || used > cap) return this.#discard(used, []);
    const records: Record[] = [];
    let consumed = 0;
    let r = this.#read;
    while (consumed < used) {
      const code = this.#data[r] ?? 0;
      const length = (this.#data[(r + 1) % cap] ?? 0) * 0x10000 + (this.#data[(r + 2) % cap] ?? 0);
      if ((code !== 1 && code !== 2) || length > used - consumed - RECORD_HEADER)
        return this.#discard(used, this.#decode(records, 0, 0));
      const start = (r + RECORD_HEADER) % cap;
      records.push({ stream: code === 1 ? "stdout" : "stderr", start, length });
      r = (start + length) % cap;
      consumed += length + RECORD_HEADER;
    }
    const { index, offset, skippedLines } = this.#cut(records, keepLines);
    const chunks = this.#decode(records, index, offset);
    this.#read = r;
    if (consumed) Atom.sub(this.#header, USED, consumed);
    return { chunks, dropped: this.#takeDropped(), skippedLines };
  }

  /**
   * Resolves when text is written into the empty ring, or after `timeoutMs` (at once if there is
   * text already); null where the browser cannot wait without blocking (`Atomics.waitAsync`).
   */
  written(timeoutMs: number): Promise<unknown> | null {
    const atomics = Atomics as {
      waitAsync?: (
        a: Int32Array,
        i: number,
        v: number,
        t: number,
      ) => { async: boolean; value: unknown };
    };
    if (!atomics.waitAsync) return null;
    const wait = atomics.waitAsync(this.#header, USED, 0, timeoutMs);
    return wait.async ? (wait.value as Promise<unknown>) : Promise.resolve();
  }

  /** A record's text as one or two views of shared memory (it may wrap around the end). */
  #pieces({ start, length }: Record, from = 0): Uint16Array[] {
    const cap = this.#data.length;
    const a = (start + from) % cap;
    const n = length - from;
    if (a + n <= cap) return [this.#data.subarray(a, a + n)];
    return [this.#data.subarray(a, cap), this.#data.subarray(0, a + n - cap)];
  }

  /**
   * Where decoding starts: just after the (keepLines + 1)th newline from the end, and how many
   * lines end at or before it. Found with native `lastIndexOf`/`indexOf` scans, so a flood of
   * megabytes costs a scan, not a decode.
   */
  #cut(
    records: Record[],
    keepLines: number,
  ): { index: number; offset: number; skippedLines: number } {
    if (!Number.isFinite(keepLines)) return { index: 0, offset: 0, skippedLines: 0 };
    let wanted = keepLines + 1;
    for (let i = records.length - 1; i >= 0; i -= 1) {
      const record = records[i] as Record;
      const pieces = this.#pieces(record);
      for (let p = pieces.length - 1; p >= 0; p -= 1) {
        const piece = pieces[p] as Uint16Array;
        const base = p === 0 ? 0 : (pieces[0]?.length ?? 0);
        for (
          let at = piece.lastIndexOf(NEWLINE);
          at !== -1;
          at = at ? piece.lastIndexOf(NEWLINE, at - 1) : -1
        ) {
          wanted -= 1;
          if (wanted > 0) continue;
          const offset = base + at + 1;
          let skippedLines = this.#newlines(record, 0, offset);
          for (let j = 0; j < i; j += 1) skippedLines += this.#newlines(records[j] as Record);
          return { index: i, offset, skippedLines };
        }
      }
    }
    return { index: 0, offset: 0, skippedLines: 0 };
  }

  #newlines(record: Record, from = 0, to = record.length): number {
    let count = 0;
    for (const piece of this.#pieces({ ...record, length: to }, from)) {
      for (let at = piece.indexOf(NEWLINE); at !== -1; at = piece.indexOf(NEWLINE, at + 1))
        count += 1;
    }
    return count;
  }

  /** Decodes records from `index` (skipping `offset` units of it), one string per stream run. */
  #decode(records: Record[], index: number, offset: number): Drained["chunks"] {
    const chunks: Drained["chunks"] = [];
    let run: Uint16Array[] = [];
    let stream: Stream | null = null;
    const flush = (): void => {
      if (!stream || !run.length) return;
      const units = new Uint16Array(run.reduce((n, piece) => n + piece.length, 0));
      let at = 0;
      // Copied out of shared memory (TextDecoder refuses shared views): one copy, one decode.
      for (const piece of run) {
        units.set(piece, at);
        at += piece.length;
      }
      if (units.length) chunks.push({ stream, text: this.#decoder.decode(units) });
      run = [];
    };
    records.slice(index).forEach((record, i) => {
      if (record.stream !== stream) flush();
      stream = record.stream;
      run.push(...this.#pieces(record, i === 0 ? offset : 0));
    });
    flush();
    return chunks;
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
    return { chunks, dropped: this.#takeDropped() + lost, skippedLines: 0 };
  }
}
