/**
 * Where a reader's program lives inside the interpreter. Tracebacks show this path, so the page,
 * the docs verifier and the expected outputs must all use the same one.
 */
export const SNIPPET_FILE = "/home/reader/snippet.py";
/** Name of the gzipped build-time interpreter snapshot inside the `pyodide/` folder. */
export const SNAPSHOT_FILE = "interpreter.snapshot.gz";
