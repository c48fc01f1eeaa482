/**
 * xterm.js buffer cells read back as what a renderer draws: styled spans of text. Cells with the
 * same attributes join one span, and a Style is built only where they change. No DOM.
 */
import type xterm from "@xterm/headless";

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

/**
 * Appends a row's cells to `line` (trailing blanks of the line's last row dropped): a cell joins
 * the last span while its attributes are those of the cell before (`attributes`, carried over a
 * wrap). Returns the last cell's attributes.
 */
export function readRow(
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
