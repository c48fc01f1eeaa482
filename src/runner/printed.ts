/**
 * What a run wrote to fd 1 and 2, counted in bytes, in order — and kept only where the way-out
 * recorder asks: each step of the way out notes the count as it begins (`mark`), and its output is
 * the text from there to where the next began (`text`). A few KiB after each mark are kept, so a
 * flood costs a counter, not a copy.
 */

/** Bytes kept after each mark: a step's output is shown up to 2000 bytes (`way_out_streams.py`). */
const KEEP_AFTER_MARK = 4096;
/** At most this much is kept in all, however many marks a run makes. */
const KEEP_MAX = 1 << 20;

export class Printed {
  #written = 0;
  #keepUntil = 0;
  #kept = 0;
  readonly #chunks: { at: number; bytes: Uint8Array }[] = [];

  /** Counts a write; keeps the part of it that a mark asked for. */
  write(bytes: Uint8Array): void {
    const start = this.#written;
    this.#written += bytes.length;
    const end = Math.min(this.#written, this.#keepUntil);
    if (end <= start || this.#kept >= KEEP_MAX) return;
    const part = bytes.slice(0, Math.min(end - start, KEEP_MAX - this.#kept));
    this.#chunks.push({ at: start, bytes: part });
    this.#kept += part.length;
  }

  /** The count so far; what is written next is kept for a while. */
  mark(): number {
    this.#keepUntil = Math.max(this.#keepUntil, this.#written + KEEP_AFTER_MARK);
    return this.#written;
  }

  /** The text of bytes `start` to `end`, as far as they were kept without a gap (invalid UTF-8
   * shown as U+FFFD, as Python's "replace" does). */
  text(start: number, end: number): string {
    const parts: Uint8Array[] = [];
    let next = start;
    for (const { at, bytes } of this.#chunks) {
      if (at + bytes.length <= next) continue;
      if (at > next || next >= end) break;
      const part = bytes.subarray(next - at, Math.min(end, at + bytes.length) - at);
      parts.push(part);
      next += part.length;
    }
    const out = new Uint8Array(next - start);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return new TextDecoder().decode(out);
  }
}
