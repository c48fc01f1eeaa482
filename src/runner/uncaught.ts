/**
 * What happens between a program's uncaught exception and the driver's `finish`. The exception
 * crosses from Python into JS (the runner execs the program from JS, so that its module frame is
 * the bottom one), and Pyodide then prints it with `PyErr_Print` while it captures fd 2 into the
 * PythonError's message (`capture_stderr` / `restore_stderr` in its error_handling.ts). That print
 * flushes `sys.stderr` into the capture, so a partial line the program left there was lost, and it
 * calls the program's own `sys.excepthook` a first time (`finish` calls it again, as CPython does
 * once). For the duration of `exec`, this puts the driver in their place: when the exception is the
 * program's end (no Python frame is running), the driver flushes the streams as CPython's
 * `flush_io` does and silences the hook for that print; anything else (a Python error crossing
 * into JS inside the program) is captured as Pyodide does.
 */

/** Pyodide's private stderr capture around `PyErr_Print` (present in the pinned version). */
export interface StderrCapture {
  capture_stderr?: () => void;
  restore_stderr?: () => string;
}

/**
 * Puts `programEnding` (the driver's `exec_ending`: true when it took over this print) in front of
 * Pyodide's capture; returns the function that puts Pyodide's back.
 */
export function deferUncaughtPrint(api: StderrCapture, programEnding: () => boolean): () => void {
  const { capture_stderr: capture, restore_stderr: restore } = api;
  if (!capture || !restore) return () => undefined;
  let ours = false;
  api.capture_stderr = () => {
    ours = programEnding();
    if (!ours) capture();
  };
  api.restore_stderr = () => (ours ? "" : restore());
  return () => {
    api.capture_stderr = capture;
    api.restore_stderr = restore;
  };
}
