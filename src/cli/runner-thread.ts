/**
 * The CLI's worker thread: hosts the runner core, as the Web Worker does in the browser. It runs
 * the program synchronously (so the main thread stays free to send SIGINT or kill it), reads stdin
 * straight from fd 0, and posts the protocol's messages to the main thread.
 */
import { readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { loadPyodide } from "pyodide";
import type { RunRequest } from "../runner/result.ts";
import type { FromRunner } from "../channels/messages.ts";
import { Runner } from "../runner/runner.ts";
import { readDriver } from "../runner/driver-file.ts";
import { interruptReceiver } from "../channels/interrupt.ts";
import { readSnapshot, writeSnapshot } from "./snapshot-cache.ts";

interface ThreadData {
  request: RunRequest;
  interruptBuffer: Int32Array;
  snapshotCache: boolean;
}

const port = parentPort;
if (!port) throw new Error("runner-thread.ts must run as a worker thread");
const { request, interruptBuffer, snapshotCache } = workerData as ThreadData;
const post = (message: FromRunner): void => {
  port.postMessage(message);
};

/** Blocking read of the process's stdin; EAGAIN (a non-blocking pipe with no data yet) is retried. */
function readStdin(buffer: Uint8Array): number {
  for (;;) {
    try {
      return readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === "EOF") return 0;
      throw error;
    }
  }
}

const cached = snapshotCache ? readSnapshot() : undefined;
const runner = new Runner({
  loadPyodide,
  driver: readDriver(),
  interrupt: interruptReceiver(interruptBuffer),
  useSnapshot: snapshotCache,
  // One program per command: an interpreter booted behind it would only be thrown away.
  bootNext: false,
  ...(cached ? { snapshot: cached } : {}),
});

try {
  await runner.warmUp();
  if (snapshotCache && runner.snapshot && runner.snapshot !== cached)
    writeSnapshot(runner.snapshot);
  const result = await runner.run(request, {
    output: (stream, text) => {
      post({ type: "output", runId: 1, stream, text });
    },
    stdin: readStdin,
    started: () => {
      post({ type: "started", runId: 1 });
    },
  });
  post({ type: "result", runId: 1, result });
} catch (error) {
  post({
    type: "error",
    runId: 1,
    error: { code: "load-failed", message: `Pyodide could not be loaded: ${String(error)}` },
  });
}
process.exit(0);
