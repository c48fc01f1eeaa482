/**
 * The only differences the parity suite forgives between CPython and the runner: paths of files
 * other than the snippet (stdlib locations differ), memory addresses, and the `~~~^^^` marker
 * lines whose placement changes between Python versions. Nothing else is rewritten.
 */

/** Normalises one stream's text for comparison. */
export function normalise(text: string, snippetPath: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*[~^]+\s*$/.test(line))
    .map((line) =>
      line
        .replace(/File "([^"]+)"/g, (whole, path: string) =>
          path === snippetPath ? whole : 'File "<other>"',
        )
        .replace(/0x[0-9a-fA-F]+/g, "0x…"),
    )
    .join("\n");
}
