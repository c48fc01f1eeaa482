/**
 * The output panel's model: one terminal that stdout, stderr and the reader's typed input all
 * reach in the order they came (as on a real terminal), bounded to its last rows; it counts what
 * a flood pushed out and what the page could not keep up with. No DOM; `components/output-log.ts`
 * renders it.
 */
import type { Drained } from "../channels/output-ring.ts";
import { CLASSIC_TERMINAL } from "../runner/result.ts";
import { MAX_LINES } from "./scrollback.ts";
import { TerminalScreen, type NumberedLine } from "./terminal-screen.ts";

/** The terminal's size in character cells. */
export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The size before the panel is measured: a terminal's classic 80 × 24. */

/** What a run wrote, as its terminal shows it; `changed` is told after each write is applied. */
export class TerminalModel {
  #screen: TerminalScreen;
  #size: TerminalSize;
  /** Lines a flood's drain counted but never decoded (`Drained.skippedLines`). */
  #skippedLines = 0;
  droppedChars = 0;
  readonly #changed: () => void;
  /** The last write handed to the screen, settled once it is applied (and `changed` told). */
  #lastWrite: Promise<void> = Promise.resolve();

  constructor(changed: () => void, size: TerminalSize = CLASSIC_TERMINAL) {
    this.#changed = changed;
    this.#size = size;
    this.#screen = new TerminalScreen(size.columns, size.rows, MAX_LINES - size.rows);
  }

  get size(): TerminalSize {
    return this.#size;
  }

  /** A fresh terminal for the next run (its first render removes every line shown). */
  clear(): void {
    this.#screen = new TerminalScreen(
      this.#size.columns,
      this.#size.rows,
      MAX_LINES - this.#size.rows,
    );
    this.#skippedLines = 0;
    this.droppedChars = 0;
  }

  /** The panel's size changed: the next run gets it, and what is shown reflows as a terminal's. */
  resize(size: TerminalSize): void {
    this.#size = size;
    this.#screen.resize(size.columns, size.rows);
    this.#changed();
  }

  add(drained: Drained): void {
    this.droppedChars += drained.dropped;
    let text = drained.chunks.map((chunk) => chunk.text).join("");
    if (drained.skippedLines > 0) {
      // The skipped text ended with a complete line: the cursor would be at a row's start.
      this.#skippedLines += drained.skippedLines;
      if (!this.#screen.atLineStart) text = `\r\n${text}`;
    }
    this.#write(text);
  }

  /** Echoes what the reader typed for `input()`, as a terminal's line discipline does. */
  echoInput(text: string): void {
    this.#write(`${text}\n`);
  }

  /**
   * Lines no longer shown: rows pushed out of the kept ones (a line that wrapped counts once per
   * row, as a terminal's scrollback counts) and lines a flood's drain skipped.
   */
  get droppedLines(): number {
    return this.#skippedLines + this.#screen.first;
  }

  /** The number of the first kept row (rows count from the run's start). */
  get first(): number {
    return this.#screen.first;
  }

  /** The lowest row changed since the last call (a renderer keeps rows before it); or Infinity. */
  takeChanged(): number {
    return this.#screen.takeChanged();
  }

  /** The lines from the one holding row `from` (`TerminalScreen.linesFrom`). */
  linesFrom(from: number, last?: number, to?: number): NumberedLine[] {
    return this.#screen.linesFrom(from, last, to);
  }

  /**
   * Settles once every write so far is applied: the terminal parses a flood in its own time
   * slices, so whoever needs the rows written (a test, a copy of the text) waits for this, not a tick.
   */
  written(): Promise<void> {
    return this.#lastWrite;
  }

  #write(text: string): void {
    const screen = this.#screen;
    this.#lastWrite = screen.write(text).then(() => {
      if (screen === this.#screen) this.#changed();
    });
  }
}
