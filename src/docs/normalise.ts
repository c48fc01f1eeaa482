/**
 * The only differences the parity suite forgives between CPython and the runner: paths of files
 * other than the snippet (stdlib locations differ), memory addresses, and the `~~~^^^` marker
 * lines whose placement changes between Python versions. Nothing else is rewritten. Colour codes
 * (a terminal's tracebacks) stay, except on a traceback's source lines, where a coloured range
 * takes the place of the marker line (and moves with it).
 */

/** An SGR escape sequence (colour, bold, reset), as a pattern's source. */
const SGR_SOURCE = `${String.fromCharCode(27)}\\[[0-9;]*m`;
const SGR = new RegExp(SGR_SOURCE, "g");

/** `text` without its SGR codes (a terminal's colours), as the words a reader sees. */
export const withoutColour = (text: string): string => text.replace(SGR, "");

/** A traceback's frame line (`  File "…", line N, in f`), coloured or not; its source line follows. */
const FRAME = new RegExp(`^[\\s|]*File (?:${SGR_SOURCE})?"`);
/** A frame's path, with the colour code before it if any. */
const PATH = new RegExp(`File ((?:${SGR_SOURCE})?)"([^"]+)"`, "g");

/** Normalises one stream's text for comparison. */
export function normalise(text: string, snippetPath: string): string {
  const lines = text.split("\n");
  return lines
    .map((line, i) => (i > 0 && FRAME.test(lines[i - 1] ?? "") ? line.replace(SGR, "") : line))
    .filter((line) => !/^\s*[~^]+\s*$/.test(line.replace(SGR, "")))
    .map((line) =>
      line
        .replace(PATH, (whole, colour: string, path: string) =>
          path === snippetPath ? whole : `File ${colour}"<other>"`,
        )
        .replace(/0x[0-9a-fA-F]+/g, "0x…"),
    )
    .join("\n");
}
