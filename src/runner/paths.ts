/**
 * Where a reader's program lives inside the interpreter. Tracebacks show this path, so the page,
 * the docs verifier and the expected outputs must all use the same one.
 */
export const SNIPPET_FILE = "/home/reader/snippet.py";
/** The runtime's folder under the site's base: Pyodide's files, the snapshot, their sizes. */
export const RUNTIME_DIR = "pyodide/";
/** Name of the gzipped build-time interpreter snapshot inside the `pyodide/` folder. */
export const SNAPSHOT_FILE = "interpreter.snapshot.gz";
/**
 * Name of the build's record of each runtime file's size inside `pyodide/` (written after the
 * build, read by the page to say how far the download is).
 */
export const RUNTIME_SIZES_FILE = "runtime-sizes.json";
