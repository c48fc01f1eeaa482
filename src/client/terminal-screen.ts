/**
 * What a terminal shows for the bytes a program wrote: xterm.js's own parser and buffer
 * (`@xterm/headless`, no rendering) apply `\r`, `\b`, tabs, erase-in-line, cursor moves and SGR
 * colours and styles exactly as a terminal does, and consume every other escape sequence. This
 * file only reads the buffer back as logical lines of styled spans (rows joined where the terminal
 * wrapped them); `components/output-log.ts` draws them as text. No DOM.
 */
import xterm from "@xterm/headless";

/** A colour as the program chose it: a palette index (0–15 the theme's, 16–255 xterm's), or RGB. */
export type Colour = { palette: number } | { rgb: number };

/** How a run of characters is drawn; `null` in a span means the terminal's defaults. */
export interface Style {
  fg: Colour | null;
  bg: Colour | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strike: boolean;
}

export interface Span {
  text: string;
  style: Style | null;
}

/** One line as the reader sees it: its plain text (what a copy gives) and its styled spans. */
export interface ScreenLine {
  text: string;
  spans: Span[];
}

type Cell = NonNullable<ReturnType<xterm.IBufferLine["getCell"]>>;

function colour(mode: "fg" | "bg", cell: Cell): Colour | null {
  const [isDefault, isPalette, value] =
    mode === "fg"
      ? [cell.isFgDefault(), cell.isFgPalette(), cell.getFgColor()]
      : [cell.isBgDefault(), cell.isBgPalette(), cell.getBgColor()];
  if (isDefault) return null;
  return isPalette ? { palette: value } : { rgb: value };
}

function styleOf(cell: Cell): Style | null {
  const style: Style = {
    fg: colour("fg", cell),
    bg: colour("bg", cell),
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    inverse: cell.isInverse() !== 0,
    strike: cell.isStrikethrough() !== 0,
  };
  return Object.values(style).some(Boolean) ? style : null;
}

/** A cell's attributes as a key: two cells with the same key are drawn alike. */
const attributesOf = (cell: Cell): string =>
  [
    cell.getFgColorMode(),
    cell.getFgColor(),
    cell.getBgColorMode(),
    cell.getBgColor(),
    cell.isBold(),
    cell.isDim(),
    cell.isItalic(),
    cell.isUnderline(),
    cell.isInverse(),
    cell.isStrikethrough(),
  ].join();

/** A terminal `columns` wide and `rows` high that keeps `keep` lines above its screen. */
export class TerminalScreen {
  readonly #terminal: xterm.Terminal;

  constructor(columns: number, rows: number, keep: number) {
    this.#terminal = new xterm.Terminal({
      cols: columns,
      rows,
      scrollback: keep,
      // The terminal's line discipline turns "\n" into "\r\n" (ONLCR) before a terminal sees it.
      convertEol: true,
      allowProposedApi: true,
    });
  }

  /** Applies `text` as the terminal would; resolves once it is in the buffer. */
  write(text: string): Promise<void> {
    return new Promise((resolve) => {
      this.#terminal.write(text, resolve);
    });
  }

  /** The lines on screen and above it, oldest first, as the reader sees them. */
  lines(): ScreenLine[] {
    const buffer = this.#terminal.buffer.active;
    const cursorRow = buffer.baseY + buffer.cursorY;
    let last = buffer.cursorX > 0 ? cursorRow : cursorRow - 1;
    for (let y = buffer.length - 1; y > last; y -= 1) {
      if (buffer.getLine(y)?.translateToString(true)) {
        last = y;
        break;
      }
    }
    const lines: ScreenLine[] = [];
    let attributes: string | null = null;
    for (let y = 0; y <= last; y += 1) {
      const row = buffer.getLine(y);
      if (!row) continue;
      const previous = lines.at(-1);
      const continued = row.isWrapped && previous !== undefined;
      const line = continued ? previous : { text: "", spans: [] };
      const endsLine = y === last || !buffer.getLine(y + 1)?.isWrapped;
      attributes = this.#readRow(row, line, endsLine, continued ? attributes : null);
      if (!continued) lines.push(line);
    }
    return lines;
  }

  /**
   * Appends a row's cells to `line` (trailing blanks of the line's last row dropped): a cell joins
   * the last span while its attributes are those of the cell before (`attributes`, carried over a
   * wrap), so a Style is built only where they change. Returns the last cell's attributes.
   */
  #readRow(
    row: xterm.IBufferLine,
    line: ScreenLine,
    endsLine: boolean,
    attributes: string | null,
  ): string | null {
    const width = endsLine ? row.translateToString(true).length : row.length;
    let cell: Cell | undefined;
    for (let x = 0; x < width; x += 1) {
      cell = row.getCell(x, cell);
      if (!cell || cell.getWidth() === 0) continue; // the second half of a wide character
      const chars = cell.getChars() || " ";
      const key = attributesOf(cell);
      const span = line.spans.at(-1);
      if (span && key === attributes) span.text += chars;
      else line.spans.push({ text: chars, style: styleOf(cell) });
      attributes = key;
      line.text += chars;
    }
    return attributes;
  }
}
