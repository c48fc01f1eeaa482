/**
 * The output panel's model: lines tagged stdout/stderr/stdin, bounded (a print flood keeps the
 * last lines and says how many were dropped). No DOM; `components/output-log.ts` renders it.
 */
import type { Drained } from "../channels/output-ring.ts";
import type { Stream } from "../runner/result.ts";

export const MAX_LINES = 1000;
export const MAX_LINE_CHARS = 2000;

/** stdin lines are what the reader typed at an `input()` prompt, echoed as a terminal would. */
type LineStream = Stream | "stdin";

interface Line {
  stream: LineStream;
  text: string;
  /** The line ended with "\n" (a partial last line stays open for more text). */
  closed: boolean;
}

/** Text that came as a message (without shared memory), as if drained from the ring. */
export const drainedText = (stream: Stream, text: string): Drained => ({
  chunks: [{ stream, text }],
  dropped: 0,
  skippedLines: 0,
});

/** Bounded lines of output, newest last. */
export class OutputModel {
  lines: Line[] = [];
  droppedLines = 0;
  droppedChars = 0;
  /** The lowest line number changed since the renderer last asked (`takeChanged`). */
  #changed = 0;

  clear(): void {
    this.lines = [];
    this.droppedLines = 0;
    this.droppedChars = 0;
    this.#changed = 0;
  }

  add(drained: Drained): void {
    this.droppedChars += drained.dropped;
    if (drained.skippedLines > 0) {
      // A flood: lines newer than all of these follow, so everything kept so far goes too.
      const open = this.lines.at(-1)?.closed === false ? 1 : 0;
      this.droppedLines += drained.skippedLines + this.lines.length - open;
      this.lines = [];
    }
    for (const { stream, text } of drained.chunks) this.#append(stream, text);
    const excess = this.lines.length - MAX_LINES;
    if (excess > 0) {
      this.lines.splice(0, excess);
      this.droppedLines += excess;
    }
  }

  /** Echoes a line the reader typed for `input()`. */
  echoInput(text: string): void {
    this.#append("stdin", `${text}\n`);
  }

  /** The number of the first kept line, counting every line since the last clear. */
  get first(): number {
    return this.droppedLines;
  }

  /**
   * The lowest line number changed or added since the last call (a renderer keeps every line
   * before it as it is); `Infinity` when nothing changed.
   */
  takeChanged(): number {
    const changed = this.#changed;
    this.#changed = Infinity;
    return changed;
  }

  #touch(index: number): void {
    this.#changed = Math.min(this.#changed, this.first + index);
  }

  #append(stream: LineStream, text: string): void {
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      const closes = i < parts.length - 1;
      if (part === "" && !closes) return;
      const last = this.lines.at(-1);
      if (last && !last.closed && last.stream === stream) {
        last.text = (last.text + part).slice(-MAX_LINE_CHARS);
        last.closed = closes;
        this.#touch(this.lines.length - 1);
      } else {
        this.lines.push({ stream, text: part.slice(-MAX_LINE_CHARS), closed: closes });
        this.#touch(this.lines.length - 1);
      }
    });
  }
}
