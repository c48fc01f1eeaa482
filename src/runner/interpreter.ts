/**
 * One Pyodide interpreter, good for exactly one run. Fresh per run is how nothing leaks between
 * runs (variables, imported-module state, atexit registrations, signal handlers): after a run the
 * interpreter is dropped, whatever happened in it — including `os._exit`, which kills the runtime.
 */
import { PRELOAD_MODULES, RUNNER_FILENAME } from "./driver.ts";
import type { PyProxy } from "pyodide/ffi";
import type { BootConfig, LoadPyodide, Pyodide } from "./pyodide-types.ts";
import type { Stdio } from "./result.ts";
import { deferUncaughtPrint, type StderrCapture } from "./uncaught.ts";

/** Reads stdin for `input()` and `sys.stdin`: fills `buffer`, returns bytes read (0 = EOF). */
export type StdinReader = (buffer: Uint8Array) => number;

/** Per-run wiring of the interpreter's standard streams. */
export interface InterpreterIO {
  stdout: (bytes: Uint8Array) => number;
  stderr: (bytes: Uint8Array) => number;
  stdin: StdinReader;
  /**
   * The program is set up and about to run its first line: from now on a signal reaches it, not
   * the driver's own start-up (which a SIGINT would break as a crash with the runner's frames).
   */
  started: () => void;
}

/** The JS side of the driver's `hooks` argument (see `driver.py`). */
export interface DriverHooks {
  /** False when there is no shared interrupt buffer: the driver then keeps Pyodide's own sleep. */
  interruptible: boolean;
  wait: (ms: number) => boolean;
  pending: () => boolean;
  /** The SIGINT handler ran (lets a controller tell a landed SIGINT from a lost one). */
  delivered: () => void;
  /** SIGINT when this line is about to run the first time (0: none). */
  interruptAtLine: number;
  /** The signals that SIGINT carries this time, comma-separated numbers, taken. */
  signals: () => string;
  /** Puts signals (comma-separated numbers) back for the next check. */
  requeue: (signals: string) => void;
  /** `wayOut`: the way-out account as JSON (`way_out.py`), taken as the runtime ends. */
  note: (kind: string, line: number | undefined, wayOut: string) => void;
  /** The bytes written to fd 1 and 2 so far (a way-out step's output begins there). */
  written: () => number;
  /** The text of those bytes from `start` to `end` (what one step of the way out printed). */
  printed: (start: number, end: number) => string;
}

type StartFunction = (
  filename: string,
  argv0: string,
  source: string,
  hooks: DriverHooks,
  stdio: string,
) => PyProxy | undefined;
type FinishFunction = (raised: boolean) => string;

/** A booted interpreter with the driver loaded, not yet used. */
export interface Interpreter {
  readonly pyodide: Pyodide;
  /**
   * Runs the program through the driver; returns its JSON report, or throws if the runtime died
   * under it (`os._exit`, out of memory).
   */
  run(
    filename: string,
    argv0: string,
    source: string,
    hooks: DriverHooks,
    io: InterpreterIO,
    stdio: Stdio,
  ): string;
  /**
   * The error that fatally broke this runtime during the run, if one did. Pyodide may keep
   * returning from calls after a fatal error, so a report alone cannot be trusted.
   */
  fatalError(): unknown;
}

/**
 * Boots Pyodide (from a memory snapshot when one is given), attaches the interrupt buffer and
 * loads the driver. Throws only for infrastructure failures (files missing, bad snapshot).
 */
export async function bootInterpreter(
  loadPyodide: LoadPyodide,
  options: {
    indexURL?: string | undefined;
    snapshot?: Uint8Array | undefined;
    interruptBuffer?: Int32Array | undefined;
    /** The text of `driver.py`. */
    driver: string;
    bootConfig?: BootConfig | undefined;
    /** Run the driver's warm-up (see `RunnerOptions.warmAtBoot`). */
    warmAtBoot?: boolean | undefined;
  },
): Promise<Interpreter> {
  const config: Parameters<LoadPyodide>[0] & { _loadSnapshot?: Uint8Array } = {
    ...options.bootConfig,
    ...(options.indexURL ? { indexURL: options.indexURL } : {}),
    ...(options.snapshot ? { _loadSnapshot: options.snapshot } : {}),
  };
  const pyodide = await loadPyodide(config);
  return attachDriver(
    pyodide,
    options.driver,
    options.interruptBuffer,
    options.warmAtBoot ?? false,
  );
}

/**
 * Boots Pyodide cold with the driver's modules imported, and returns a memory snapshot of it that
 * `bootInterpreter` can restore in a fraction of the time.
 */
export async function makeSnapshot(
  loadPyodide: LoadPyodide,
  indexURL: string | undefined,
): Promise<Uint8Array> {
  const config: Parameters<LoadPyodide>[0] & { _makeSnapshot: boolean } = {
    ...(indexURL ? { indexURL } : {}),
    _makeSnapshot: true,
  };
  const pyodide = await loadPyodide(config);
  pyodide.runPython(PRELOAD_MODULES);
  return pyodide.makeMemorySnapshot();
}

/** Pyodide's private hook for fatal errors (present in the pinned version; optional otherwise). */
interface PrivateApi {
  _api?: { on_fatal?: (error: unknown) => void } & StderrCapture;
}

function attachDriver(
  pyodide: Pyodide,
  driverSource: string,
  interruptBuffer: Int32Array | undefined,
  warmUp: boolean,
): Interpreter {
  if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
  let fatal: unknown = null;
  const api = (pyodide as unknown as PrivateApi)._api;
  if (api) {
    api.on_fatal = (error) => {
      fatal = error;
    };
  }
  // The driver's functions come back as a tuple: its last expression. Its globals live in the
  // boot-time __main__ dict, which each run replaces in sys.modules with a fresh module.
  // exec is called from JS, so the program's module frame is the bottom of the Python stack, as
  // in CPython: recursion depth, inspect.stack() and traceback.print_stack() all match.
  // warm() runs the first-call compiles of what a run needs now, at boot, not in the first Run.
  const warm = warmUp ? "warm()\n" : "";
  const driver = pyodide.runPython(`${driverSource}\n${warm}(start, finish, exec, exec_ending)\n`, {
    filename: RUNNER_FILENAME,
  }) as PyProxy;
  const [startFn, finishFn, exec, execEnding] = driver.toJs({ depth: 1 }) as [
    StartFunction,
    FinishFunction,
    (code: unknown, globals: unknown) => void,
    () => boolean,
  ];
  // Captured now: after os._exit every property of the dead runtime's API throws.
  const { PythonError } = pyodide.ffi;
  return {
    pyodide,
    run(filename, argv0, source, hooks, io, stdio) {
      const { terminal, size } = stdio;
      // Pyodide answers isatty() and TIOCGWINSZ (os.get_terminal_size) from these; a stream
      // that is not a terminal has no size, as ioctl on a pipe fails.
      const tty = (isatty: boolean) => ({
        isatty,
        ...(isatty && size && { getTerminalSize: () => size }),
      });
      pyodide.setStdout({ write: io.stdout, ...tty(terminal.stdout) });
      pyodide.setStderr({ write: io.stderr, ...tty(terminal.stderr) });
      pyodide.setStdin({ read: io.stdin, isatty: terminal.stdin });
      const prepared = startFn(filename, argv0, source, hooks, JSON.stringify(stdio));
      io.started();
      let raised = false;
      if (prepared) {
        const [code, globals] = prepared.toJs({ depth: 1 }) as [unknown, unknown];
        const putBack = api ? deferUncaughtPrint(api, execEnding) : () => undefined;
        try {
          exec(code, globals);
        } catch (error) {
          if (!(error instanceof PythonError)) throw error;
          raised = true;
        } finally {
          putBack();
        }
      }
      return finishFn(raised);
    },
    fatalError() {
      if (fatal !== null) return fatal;
      try {
        // After a fatal error every public getter throws "Pyodide already fatally failed".
        Reflect.get(pyodide, "globals");
        return null;
      } catch (error) {
        return error;
      }
    },
  };
}
