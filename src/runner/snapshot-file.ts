/** Name of the gzipped build-time interpreter snapshot inside the `pyodide/` folder. */
export const SNAPSHOT_FILE = "interpreter.snapshot.gz";
