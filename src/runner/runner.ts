/**
 * The runner core's entry point: runs snippets, each in a fresh interpreter, and keeps the next
 * interpreter booting in the background so a Run never waits for one. Used by the browser worker
 * and by the Node CLI; knows nothing of either (no DOM, no `postMessage`).
 */
import {
  bootInterpreter,
  makeSnapshot,
  type Interpreter,
  type StdinReader,
} from "./interpreter.ts";
import { OutputDecoder, type OutputSink } from "./output-decoder.ts";
import { Printed } from "./printed.ts";
import {
  fromReport,
  fromRuntimeDeath,
  noteKind,
  type DriverNote,
  type DriverReport,
} from "./outcome.ts";
import type { WayOutStep, RunRequest, RunResult, Stdio, Stream } from "./result.ts";
import type { BootConfig, LoadPyodide } from "./pyodide-types.ts";
import type { InterruptLine } from "./interrupt-line.ts";

export interface RunnerOptions {
  loadPyodide: LoadPyodide;
  /** Where Pyodide's files are served from; Node finds them itself. */
  indexURL?: string;
  /** The Python half of the core (`driver.py`), as text; hosts load it (see `driver.ts`). */
  driver: string;
  /**
   * Shared with whoever presses Stop. Absent where shared memory is not available: then nothing
   * can interrupt the program, and `time.sleep` is Pyodide's own.
   */
  interrupt?: InterruptLine | undefined;
  /**
   * Restore interpreters from a memory snapshot (fast) instead of booting each cold. On by
   * default; any snapshot failure falls back to cold boots for the rest of the runner's life.
   */
  useSnapshot?: boolean;
  /** A snapshot made elsewhere (e.g. at build time); made on first boot when absent. */
  snapshot?: Uint8Array;
  /**
   * Boot the next interpreter in the background after each run (the default). A host that runs
   * one program and is then thrown away (the browser worker) turns it off.
   */
  bootNext?: boolean;
  /**
   * Warm each interpreter up as it boots (the driver's `warm()`): for hosts that boot ahead of
   * the Run (the browser's spare workers), so the first Run does not pay for first-call compiles.
   * A host that boots just before its one run (the CLI) would only do that work twice.
   */
  warmAtBoot?: boolean;
  /** More `loadPyodide` options from the host (where the wasm, stdlib and lock file come from). */
  bootConfig?: BootConfig;
}

/** Where a run's output and input go. With no `stdin`, `input()` sees EOF, as with `</dev/null`. */
export interface RunIO {
  output: OutputSink;
  stdin?: StdinReader;
  /** Called once the interpreter is ready, just before the program starts. */
  started?: () => void;
}

const now = (): number => performance.now();
/** A request that says nothing of its streams gets pipes and `-u`, the runner's first model. */
const PIPES_UNBUFFERED: Stdio = {
  terminal: { stdin: false, stdout: false, stderr: false },
  unbuffered: true,
};
/** Taken at load, before any program runs: a program may replace `JSON.parse` through `js`. */
const parseJSON = JSON.parse;

/** Runs snippets one at a time, each in a fresh interpreter. */
export class Runner {
  readonly #options: RunnerOptions;
  #snapshot: Uint8Array | null;
  #snapshotFailed = false;
  #next: Promise<Interpreter> | null = null;
  /** Boot times in ms of the interpreters this runner made, newest last (for benchmarks). */
  readonly bootTimes: { kind: "snapshot" | "cold"; ms: number }[] = [];

  /** The memory snapshot in use, once made or given; hosts may cache it (see `snapshot-cache.ts`). */
  get snapshot(): Uint8Array | null {
    return this.#snapshot;
  }

  constructor(options: RunnerOptions) {
    this.#options = options;
    this.#snapshot = options.snapshot ?? null;
  }

  /** Starts booting the next interpreter now, if one is not already on its way. */
  async warmUp(): Promise<void> {
    this.#next ??= this.#boot();
    await this.#next;
  }

  /**
   * Runs one snippet to its end and says how it ended. Never throws for anything the program
   * does; rejects only when no interpreter can be booted (e.g. Pyodide's files are missing).
   */
  async run(request: RunRequest, io: RunIO): Promise<RunResult> {
    const next = this.#next ?? this.#boot();
    this.#next = null;
    let interpreter: Interpreter;
    try {
      interpreter = await next;
    } catch (error) {
      this.#next = null;
      throw error;
    }
    try {
      return this.#runOn(interpreter, request, io);
    } finally {
      // The used interpreter is dropped; its successor boots while the reader reads the output.
      if (this.#options.bootNext ?? true) {
        this.#next = this.#boot();
        this.#next.catch(() => undefined);
      }
    }
  }

  #runOn(interpreter: Interpreter, request: RunRequest, io: RunIO): RunResult {
    const interrupt = this.#options.interrupt;
    const pending = (): boolean => interrupt?.pending() ?? false;
    const decoder = new OutputDecoder(io.output);
    const printed = new Printed();
    const written = (stream: Stream) => (bytes: Uint8Array) => {
      printed.write(bytes);
      return decoder.write(stream, bytes);
    };
    let note: DriverNote | null = null;
    const hooks = {
      interruptible: interrupt !== undefined,
      wait: (ms: number) => interrupt?.wait(ms) ?? false,
      pending,
      delivered: () => {
        interrupt?.delivered();
      },
      interruptAtLine: request.interruptAtLine ?? 0,
      signals: () => (interrupt?.take() ?? [2]).join(","),
      requeue: (signals: string) => {
        interrupt?.requeue(signals.split(",").map(Number));
      },
      note: (kind: string, line: number | undefined, wayOut: string) => {
        note = {
          kind: noteKind(kind),
          line: line ?? null,
          wayOut: parseJSON(wayOut) as WayOutStep[],
        };
      },
      written: () => printed.mark(),
      printed: (start: number, end: number) => printed.text(start, end),
    };
    interrupt?.clear();
    // Emscripten's exit() sets process.exitCode under Node; the program's status is ours to
    // report, not the host process's, so it is put back after the run.
    const host = (globalThis as { process?: { exitCode?: number | string | null | undefined } })
      .process;
    const hostExitCode = host?.exitCode;
    const started = now();
    try {
      const json = interpreter.run(
        request.filename,
        request.argv0 ?? request.filename,
        request.source,
        hooks,
        {
          stdout: written("stdout"),
          stderr: written("stderr"),
          stdin: (bytes) => {
            for (;;) {
              const n = io.stdin ? io.stdin(bytes) : 0;
              // A signal while input() waits (Stop, SIGTERM) is delivered from inside the read,
              // as in CPython: KeyboardInterrupt out of input(), not EOFError; and when the
              // handler returns, the read starts again (PEP 475).
              if (n > 0 || !pending()) return n;
              interpreter.pyodide.checkInterrupt();
            }
          },
          started: () => io.started?.(),
        },
        request.stdio ?? PIPES_UNBUFFERED,
      );
      decoder.end();
      const fatal = interpreter.fatalError();
      if (fatal !== null) return fromRuntimeDeath(fatal, null, now() - started);
      return fromReport(parseJSON(json) as DriverReport, now() - started);
    } catch (error) {
      decoder.end();
      // `note` is set from Python through the hooks, which TypeScript's flow analysis cannot see.
      const noted = note as DriverNote | null;
      const fatal = noted ? null : interpreter.fatalError();
      return fromRuntimeDeath(fatal ?? error, noted, now() - started);
    } finally {
      interrupt?.clear();
      if (host) host.exitCode = hostExitCode;
    }
  }

  async #boot(): Promise<Interpreter> {
    const { loadPyodide, indexURL, driver, bootConfig, warmAtBoot } = this.#options;
    // Without a shared buffer, a private one nobody writes: CPython then still calls Pyodide's
    // signal check (JavaScript) every few thousand bytecodes, and only there can JavaScriptCore
    // act on `worker.terminate()`. Without it a killed WebKit worker looping in Python kept a
    // core busy for as long as the page lived (measured: 100% CPU 35 s after the kill).
    const interruptBuffer = this.#options.interrupt?.buffer ?? new Int32Array(1);
    const wantSnapshot = (this.#options.useSnapshot ?? true) && !this.#snapshotFailed;
    if (wantSnapshot) {
      try {
        this.#snapshot ??= await makeSnapshot(loadPyodide, indexURL);
        const t = now();
        const interp = await bootInterpreter(loadPyodide, {
          indexURL,
          snapshot: this.#snapshot,
          interruptBuffer,
          driver,
          bootConfig,
          warmAtBoot,
        });
        this.bootTimes.push({ kind: "snapshot", ms: now() - t });
        return interp;
      } catch {
        // Snapshots are a private Pyodide API: on any failure, boot cold from now on.
        this.#snapshotFailed = true;
        this.#snapshot = null;
      }
    }
    const t = now();
    const interp = await bootInterpreter(loadPyodide, {
      indexURL,
      interruptBuffer,
      driver,
      bootConfig,
      warmAtBoot,
    });
    this.bootTimes.push({ kind: "cold", ms: now() - t });
    return interp;
  }
}
