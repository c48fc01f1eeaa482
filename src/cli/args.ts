/**
 * Command-line arguments of `npm run -s snippet -- FILE.py [--interrupt-after MS] [--json]`.
 * Parsed into a value or a usage error; the caller decides how to exit.
 */
import { STOP_GRACE_MS } from "../channels/interrupt.ts";

export interface SnippetArgs {
  file: string;
  /** Send SIGINT this many ms after the program starts, as the Stop button does. */
  interruptAfterMs: number | null;
  /** After SIGINT, wait this long for the program to end before killing it (status 137). */
  graceMs: number;
  json: boolean;
  /** Reuse (and refresh) the interpreter snapshot cached under node_modules/.cache. */
  snapshotCache: boolean;
  /** `-u`: stdout and stderr written through, as `python3 -u` (also PYTHONUNBUFFERED). */
  unbuffered: boolean;
}

export const USAGE = `usage: npm run -s snippet -- [-u] FILE.py [--interrupt-after MS] [--grace MS] [--json] [--no-snapshot-cache]

Runs FILE.py in Pyodide the way \`python3 FILE.py\` runs it: the program's stdout and stderr
go to this process's, its stdin comes from this process's, its environment is this process's,
and the exit status is the program's (130 for an unhandled interrupt, 137 when killed). As with
python3, stdout is line-buffered on a terminal and block-buffered into a pipe or a file.

  -u                     unbuffered stdout and stderr, as \`python3 -u\` (or PYTHONUNBUFFERED=1)
  --interrupt-after MS   send SIGINT (KeyboardInterrupt) MS milliseconds after the program starts
  --grace MS             after SIGINT, kill the program if it is still running after MS ms (${String(STOP_GRACE_MS)})
  --json                 print {result, stdout, stderr} as JSON instead, and exit 0
  --no-snapshot-cache    boot Pyodide cold instead of restoring the cached memory snapshot`;

function parseMs(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0)
    throw new Error(`${flag} needs a number of milliseconds`);
  return n;
}

/** Parses argv (without node and script); throws an Error whose message is for the user. */
export function parseArgs(argv: readonly string[]): SnippetArgs {
  const args: SnippetArgs = {
    file: "",
    interruptAfterMs: null,
    graceMs: STOP_GRACE_MS,
    json: false,
    snapshotCache: true,
    unbuffered: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--interrupt-after") args.interruptAfterMs = parseMs(arg, argv[(i += 1)]);
    else if (arg === "--grace") args.graceMs = parseMs(arg, argv[(i += 1)]);
    else if (arg === "--json") args.json = true;
    else if (arg === "--no-snapshot-cache") args.snapshotCache = false;
    else if (arg === "-u") args.unbuffered = true;
    else if (arg.startsWith("-") && arg !== "-") throw new Error(`unknown option ${arg}`);
    else if (args.file) throw new Error(`only one FILE.py, got ${args.file} and ${arg}`);
    else args.file = arg;
  }
  if (!args.file) throw new Error("missing FILE.py");
  return args;
}
