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

/** Bounded lines of output, newest last. */
export class OutputModel {
  lines: Line[] = [];
  droppedLines = 0;
  droppedChars = 0;

  clear(): void {
    this.lines = [];
    this.droppedLines = 0;
    this.droppedChars = 0;
  }

  add(drained: Drained): void {
    this.droppedChars += drained.dropped;
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

  #append(stream: LineStream, input: string): void {
    const text = this.#keepTail(input);
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      const closes = i < parts.length - 1;
      if (part === "" && !closes) return;
      const last = this.lines.at(-1);
      if (last && !last.closed && last.stream === stream) {
        last.text = (last.text + part).slice(-MAX_LINE_CHARS);
        last.closed = closes;
      } else {
        this.lines.push({ stream, text: part.slice(-MAX_LINE_CHARS), closed: closes });
      }
    });
  }

  /**
   * A flood can deliver far more lines at once than are ever shown: count the head's lines as
   * dropped (with everything shown so far) and keep only the last MAX_LINES, without splitting
   * the rest into strings.
   */
  #keepTail(text: string): string {
    let cut = text.length;
    for (let n = 0; n <= MAX_LINES; n += 1) {
      cut = text.lastIndexOf("\n", cut - 1);
      if (cut <= 0) return text;
    }
    let dropped = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i <= cut; i = text.indexOf("\n", i + 1))
      dropped += 1;
    this.droppedLines +=
      dropped + this.lines.length - (this.lines.at(-1)?.closed === false ? 1 : 0);
    this.lines = [];
    return text.slice(cut + 1);
  }
}
