/**
 * The browser's module Web Worker: thin glue between the page and the runner core. It loads the
 * self-hosted Pyodide and runs one program at a time. With shared memory (a cross-origin isolated
 * page) output goes through the shared ring and `input()` blocks on the stdin channel; without
 * it, output is posted in batches and `input()` sees EOF. Everything else travels over the
 * private port given in the init message.
 */
/// <reference lib="webworker" />
import { OutputRingWriter } from "../channels/output-ring.ts";
import type { RunRequest, Stream } from "../runner/result.ts";
import type { FromRunner, ToRunner, WorkerInit } from "../channels/messages.ts";
import type { LoadPyodide } from "../runner/pyodide-types.ts";
import { Runner } from "../runner/runner.ts";
import { interruptReceiver } from "../channels/interrupt.ts";
import DRIVER from "../runner/driver.py?raw";
import { StdinReader } from "../channels/stdin.ts";
import { SNAPSHOT_FILE } from "../runner/paths.ts";

declare const self: DedicatedWorkerGlobalScope;

/** The build-time interpreter snapshot, or undefined when it is missing or unreadable. */
async function fetchSnapshot(url: string): Promise<Uint8Array | undefined> {
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) return undefined;
    const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return undefined;
  }
}

/** Without shared memory: coalesce output into messages, at most one per 16 ms while writing. */
function messageOutput(post: (stream: Stream, text: string) => void): {
  write: (stream: Stream, text: string) => void;
  send: () => void;
} {
  let stream: Stream | null = null;
  let text = "";
  let last = 0;
  const send = (): void => {
    if (stream !== null && text) post(stream, text);
    stream = null;
    text = "";
    last = performance.now();
  };
  return {
    write(s, t) {
      if (stream !== null && stream !== s) send();
      stream = s;
      text += t;
      if (performance.now() - last >= 16 || text.length > 65536) send();
    },
    send,
  };
}

function start(init: WorkerInit): void {
  const port = init.port;
  const post = (message: FromRunner): void => {
    port.postMessage(message);
  };
  let runId = 0;
  const shared = init.shared;
  const stdin = shared
    ? new StdinReader(shared.stdinBuffer, () => {
        post({ type: "input-request", runId });
      })
    : null;
  const ring = shared ? new OutputRingWriter(shared.outputBuffer) : null;
  const messages = messageOutput((stream, text) => {
    post({ type: "output", runId, stream, text });
  });

  let runner: Runner | null = null;
  async function getRunner(): Promise<Runner> {
    if (runner) return runner;
    post({ type: "booting" });
    const [module, snapshot] = await Promise.all([
      import(/* @vite-ignore */ `${init.indexURL}pyodide.mjs`) as Promise<{
        loadPyodide: LoadPyodide;
      }>,
      fetchSnapshot(`${init.indexURL}${SNAPSHOT_FILE}`),
    ]);
    runner = new Runner({
      loadPyodide: module.loadPyodide,
      indexURL: init.indexURL,
      driver: DRIVER,
      interrupt: shared ? interruptReceiver(shared.interruptBuffer) : undefined,
      ...(snapshot ? { snapshot } : {}),
    });
    return runner;
  }

  async function warmUp(): Promise<void> {
    try {
      const r = await getRunner();
      await r.warmUp();
      const boot = r.bootTimes.at(-1)?.kind;
      post(boot ? { type: "ready", boot } : { type: "ready" });
    } catch (error) {
      runner = null;
      post({ type: "error", runId: null, error: { code: "load-failed", message: String(error) } });
    }
  }

  async function run(id: number, request: RunRequest): Promise<void> {
    runId = id;
    try {
      const r = await getRunner();
      stdin?.reset();
      const result = await r.run(request, {
        output: (stream, text) => {
          if (ring) ring.write(stream, text);
          else messages.write(stream, text);
        },
        stdin: (buffer) => (stdin ? stdin.read(buffer) : 0),
        started: () => {
          post({ type: "started", runId: id });
        },
      });
      messages.send();
      post({ type: "result", runId: id, result });
    } catch (error) {
      messages.send();
      runner = null;
      post({ type: "error", runId: id, error: { code: "load-failed", message: String(error) } });
    }
  }

  port.onmessage = (event: MessageEvent<ToRunner>) => {
    const message = event.data;
    switch (message.type) {
      case "warm-up":
        void warmUp();
        break;
      case "run":
        void run(message.runId, message.request);
        break;
    }
  };
}

self.addEventListener(
  "message",
  (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<WorkerInit> | null;
    if (data?.type === "init") start(data as WorkerInit);
  },
  { once: true },
);
