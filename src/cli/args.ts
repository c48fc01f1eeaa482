/**
 * Command-line arguments of `npm run -s snippet -- FILE.py [--interrupt-after MS] [--send SIG@MS]
 * [--json] [--result OUT.json]`.
 * Parsed into a value or a usage error; the caller decides how to exit.
 */
import { SIGNALS, STOP_GRACE_MS, type SignalName } from "../channels/interrupt.ts";

/** A signal to send the program, `afterMs` after it starts (`--send TERM@500`). */
export interface Send {
  signal: SignalName;
  afterMs: number;
}

export interface SnippetArgs {
  file: string;
  /** Send SIGINT this many ms after the program starts, as the Stop button does. */
  interruptAfterMs: number | null;
  /** Signals to send, each at its time (SIGINT among them climbs the Stop ladder). */
  sends: Send[];
  /** Deliver SIGINT when this line is about to run, the first time. */
  interruptAtLine: number | null;
  /** After SIGINT, wait this long for the program to end before killing it (status 137). */
  graceMs: number;
  json: boolean;
  /** Also write the run's result (outcome, status, the way out) as JSON to this file. */
  resultFile: string | null;
  /** Reuse (and refresh) the interpreter snapshot cached under node_modules/.cache. */
  snapshotCache: boolean;
  /** `-u`: stdout and stderr written through, as `python3 -u` (also PYTHONUNBUFFERED). */
  unbuffered: boolean;
}

export const USAGE = `usage: npm run -s snippet -- [-u] FILE.py [--interrupt-after MS] [--send SIG@MS]... [--interrupt-at-line N] [--grace MS] [--json] [--result OUT.json] [--no-snapshot-cache]

Runs FILE.py in Pyodide the way \`python3 FILE.py\` runs it: the program's stdout and stderr
go to this process's, its stdin comes from this process's, its environment is this process's,
and the exit status is the program's as a shell sees it (130 for an unhandled interrupt, 143 for
SIGTERM's default action, 137 when killed). As with python3, stdout is line-buffered on a terminal
and block-buffered into a pipe or a file; SIGINT and SIGTERM sent to this command reach the program.

  -u                     unbuffered stdout and stderr, as \`python3 -u\` (or PYTHONUNBUFFERED=1)
  --interrupt-after MS   send SIGINT (KeyboardInterrupt) MS milliseconds after the program starts
  --send SIG@MS          send SIG (INT, TERM or KILL) MS milliseconds after the program starts;
                         repeatable (--send TERM@500 --send KILL@3000)
  --interrupt-at-line N  send SIGINT when line N is about to run, the first time it is reached
  --grace MS             after SIGINT, kill the program if it is still running after MS ms (${String(STOP_GRACE_MS)})
  --json                 print {result, stdout, stderr} as JSON instead, and exit 0
  --result OUT.json      also write the run's result (how it ended, its status, the way out) as
                         JSON to OUT.json; the program's streams and status stay as they are
  --no-snapshot-cache    boot Pyodide cold instead of restoring the cached memory snapshot`;

function parseSend(value: string | undefined): Send {
  const match = /^(?:SIG)?([A-Z]+)@(.+)$/.exec(value ?? "");
  const signal = `SIG${match?.[1] ?? ""}`;
  if (!match || !(signal in SIGNALS))
    throw new Error("--send needs SIG@MS with SIG one of INT, TERM, KILL (e.g. --send TERM@500)");
  return { signal: signal as SignalName, afterMs: parseMs("--send", match[2]) };
}

function parseLine(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error("--interrupt-at-line needs a line number");
  return n;
}

function parseMs(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0)
    throw new Error(`${flag} needs a number of milliseconds`);
  return n;
}

function parsePath(flag: string, value: string | undefined): string {
  if (!value || value.startsWith("-")) throw new Error(`${flag} needs a file name`);
  return value;
}

/** Parses argv (without node and script); throws an Error whose message is for the user. */
export function parseArgs(argv: readonly string[]): SnippetArgs {
  const args: SnippetArgs = {
    file: "",
    interruptAfterMs: null,
    sends: [],
    interruptAtLine: null,
    graceMs: STOP_GRACE_MS,
    json: false,
    resultFile: null,
    snapshotCache: true,
    unbuffered: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "--interrupt-after") args.interruptAfterMs = parseMs(arg, argv[(i += 1)]);
    else if (arg === "--send") args.sends.push(parseSend(argv[(i += 1)]));
    else if (arg === "--interrupt-at-line") args.interruptAtLine = parseLine(argv[(i += 1)]);
    else if (arg === "--grace") args.graceMs = parseMs(arg, argv[(i += 1)]);
    else if (arg === "--json") args.json = true;
    else if (arg === "--result") args.resultFile = parsePath(arg, argv[(i += 1)]);
    else if (arg === "--no-snapshot-cache") args.snapshotCache = false;
    else if (arg === "-u") args.unbuffered = true;
    else if (arg.startsWith("-") && arg !== "-") throw new Error(`unknown option ${arg}`);
    else if (args.file) throw new Error(`only one FILE.py, got ${args.file} and ${arg}`);
    else args.file = arg;
  }
  if (!args.file) throw new Error("missing FILE.py");
  return args;
}
