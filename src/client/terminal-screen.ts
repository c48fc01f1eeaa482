/**
 * What a terminal shows for the bytes a program wrote: xterm.js's own parser and buffer
 * (`@xterm/headless`, no rendering) apply `\r`, `\b`, tabs, erase-in-line, cursor moves and SGR
 * colours and styles exactly as a terminal does, and consume every other escape sequence. This
 * file reads the buffer back as logical lines of styled spans (rows joined where the terminal
 * wrapped them) and says which rows a write may have changed, so a renderer redraws only those:
 * a program can move the cursor anywhere on the screen, never above it, so rows that scrolled
 * off the top are final. No DOM.
 */
import xterm from "@xterm/headless";
import { readRow, type ScreenLine } from "./terminal-cells.ts";

export type { Colour, ScreenLine, Span, Style } from "./terminal-cells.ts";

/** A logical line and where it sits: `row` counts every row since the screen was created. */
export interface NumberedLine {
  row: number;
  /** How many rows it takes (more than one where it wrapped). */
  rows: number;
  line: ScreenLine;
}

/** Control characters after which a terminal may add a row (LF, VT, FF; ESC for IND and NEL). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const NEW_ROW = /[\n\v\f\x1b]/g;

/** A terminal `columns` wide and `rows` high that keeps `keep` rows above its screen. */
export class TerminalScreen {
  readonly #terminal: xterm.Terminal;
  readonly #keep: number;
  /** Rows gone from the top of the buffer since creation: buffer row y is row `#trimmed + y`. */
  #trimmed = 0;
  /** A marker on the top row of the screen when the current write began, and where it was. */
  #marker: xterm.IMarker | null = null;
  #markedAt = 0;
  #changed = 0;

  constructor(columns: number, rows: number, keep: number) {
    this.#keep = keep;
    this.#terminal = new xterm.Terminal({
      cols: columns,
      rows,
      scrollback: keep,
      // The terminal's line discipline turns "\n" into "\r\n" (ONLCR) before a terminal sees it.
      convertEol: true,
      allowProposedApi: true,
    });
    this.#mark();
  }

  get columns(): number {
    return this.#terminal.cols;
  }

  /**
   * Applies `text` as the terminal would; resolves once it is in the buffer. Text is parsed in
   * slices that cannot add more rows than the buffer keeps, so every trimmed row is counted.
   * Parsing starts at once (xterm's first write after user input is synchronous; the same path
   * is taken here) and a flood continues in xterm's own time slices.
   */
  write(text: string): Promise<void> {
    const slices = this.#slices(text);
    return new Promise((resolve) => {
      this.#terminal.input("", true);
      slices.forEach((slice, i) => {
        this.#terminal.write(slice, () => {
          this.#mark();
          if (i === slices.length - 1) resolve();
        });
      });
      if (!slices.length) resolve();
    });
  }

  /** A new size, as a terminal window resized: rows reflow and every kept line may change. */
  resize(columns: number, rows: number): void {
    if (columns === this.#terminal.cols && rows === this.#terminal.rows) return;
    this.#terminal.resize(columns, rows);
    this.#mark();
    this.#changed = this.#trimmed;
  }

  /** The cursor is at the start of a row (what a program wrote so far ended its line). */
  get atLineStart(): boolean {
    return this.#terminal.buffer.active.cursorX === 0;
  }

  /** The number of the first row still kept. */
  get first(): number {
    return this.#trimmed;
  }

  /** The lowest row a write may have changed since the last call; Infinity when none. */
  takeChanged(): number {
    const changed = this.#changed;
    this.#changed = Infinity;
    return changed;
  }

  /** Every kept line, oldest first, as the reader sees it. */
  lines(): ScreenLine[] {
    return this.linesFrom(this.first).map(({ line }) => line);
  }

  /**
   * The lines from the one holding row `from` on (at most the last `last` of them, and none that
   * starts at row `to` or later), oldest first. Blank rows under the cursor are not lines yet.
   */
  linesFrom(from: number, last = Infinity, to = Infinity): NumberedLine[] {
    const buffer = this.#terminal.buffer.active;
    const end = Math.min(this.#lastRow(), to - this.#trimmed - 1);
    let y = Math.max(0, from - this.#trimmed);
    for (let found = 0, z = end; z >= y && Number.isFinite(last); z -= 1) {
      if (!buffer.getLine(z)?.isWrapped && (found += 1) === last) {
        y = z;
        break;
      }
    }
    while (y > 0 && buffer.getLine(y)?.isWrapped) y -= 1;
    const lines: NumberedLine[] = [];
    for (; y <= end;) {
      const line: ScreenLine = { text: "", spans: [] };
      const start = y;
      let attributes: string | null = null;
      do {
        const row = buffer.getLine(y);
        const endsLine = y === end || !buffer.getLine(y + 1)?.isWrapped;
        if (row) attributes = readRow(row, line, endsLine, attributes);
        y += 1;
      } while (y <= end && buffer.getLine(y)?.isWrapped);
      lines.push({ row: this.#trimmed + start, rows: y - start, line });
    }
    return lines;
  }

  /** The last row with something on it, or the cursor's row once something is written there. */
  #lastRow(): number {
    const buffer = this.#terminal.buffer.active;
    const cursorRow = buffer.baseY + buffer.cursorY;
    const last = buffer.cursorX > 0 ? cursorRow : cursorRow - 1;
    for (let y = buffer.length - 1; y > last; y -= 1) {
      if (buffer.getLine(y)?.translateToString(true)) return y;
    }
    return last;
  }

  /**
   * Counts the rows trimmed since the last mark, then marks the screen's top row: everything from
   * the line holding it on may change with the next write.
   */
  #mark(): void {
    const marker = this.#marker;
    if (marker) {
      // Disposed: trimmed past the mark (not expected: slices are smaller than the buffer).
      this.#trimmed += marker.isDisposed ? this.#markedAt + 1 : this.#markedAt - marker.line;
      marker.dispose();
    }
    const buffer = this.#terminal.buffer.active;
    this.#marker = this.#terminal.registerMarker(-buffer.cursorY) ?? null;
    this.#markedAt = buffer.baseY;
    let top = buffer.baseY;
    while (top > 0 && buffer.getLine(top)?.isWrapped) top -= 1;
    this.#changed = Math.min(this.#changed, this.#trimmed + top);
  }

  /**
   * `text` in pieces that each add well under the rows the buffer keeps: at most a third of them
   * in characters that may start a row, and at most a third in characters that may wrap.
   */
  #slices(text: string): string[] {
    const budget = Math.max(1, Math.floor(this.#keep / 3));
    const chunk = budget * this.#terminal.cols;
    const slices: string[] = [];
    let start = 0;
    let count = 0;
    const cut = (at: number): void => {
      slices.push(text.slice(start, at));
      start = at;
      count = 0;
    };
    NEW_ROW.lastIndex = 0;
    for (let match = NEW_ROW.exec(text); match; match = NEW_ROW.exec(text)) {
      while (match.index - start >= chunk) cut(start + chunk);
      count += 1;
      if (count >= budget || match.index + 1 - start >= chunk) cut(match.index + 1);
    }
    while (text.length - start > chunk) cut(start + chunk);
    if (start < text.length) cut(text.length);
    return slices;
  }
}
