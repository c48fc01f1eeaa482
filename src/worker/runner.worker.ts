/**
 * The browser's module Web Worker: thin glue between the page and the runner core. It loads the
 * self-hosted Pyodide, runs one program at a time, writes output into the shared ring (the page
 * drains it every frame) and posts everything else over a private port.
 */
/// <reference lib="webworker" />
import type { FromRunner, RunRequest, ToRunner, WorkerInit } from "../runner/protocol.ts";
import type { LoadPyodide } from "../runner/pyodide-types.ts";
import { Runner } from "../runner/runner.ts";
import { StdinReader } from "../runner/stdin-channel.ts";
import { OutputRingWriter } from "../runner/output-ring.ts";

declare const self: DedicatedWorkerGlobalScope;

function start(init: WorkerInit): void {
  const port = init.port;
  const post = (message: FromRunner): void => {
    port.postMessage(message);
  };
  let runId = 0;
  const stdin = new StdinReader(init.stdinBuffer, () => {
    post({ type: "input-request", runId });
  });
  const output = new OutputRingWriter(init.outputBuffer);

  let runner: Runner | null = null;
  async function getRunner(): Promise<Runner> {
    if (runner) return runner;
    post({ type: "booting" });
    const module = (await import(/* @vite-ignore */ `${init.indexURL}pyodide.mjs`)) as {
      loadPyodide: LoadPyodide;
    };
    runner = new Runner({
      loadPyodide: module.loadPyodide,
      indexURL: init.indexURL,
      interruptBuffer: init.interruptBuffer,
    });
    return runner;
  }

  async function prepare(): Promise<void> {
    try {
      await (await getRunner()).prepare();
      post({ type: "ready" });
    } catch (error) {
      runner = null;
      post({ type: "error", runId: null, error: { code: "load-failed", message: String(error) } });
    }
  }

  async function run(id: number, request: RunRequest): Promise<void> {
    runId = id;
    try {
      const r = await getRunner();
      stdin.reset();
      const result = await r.run(request, {
        output: (stream, text) => {
          output.write(stream, text);
        },
        stdin: (buffer) => stdin.read(buffer),
        started: () => {
          post({ type: "started", runId: id });
        },
      });
      post({ type: "result", runId: id, result });
    } catch (error) {
      runner = null;
      post({ type: "error", runId: id, error: { code: "load-failed", message: String(error) } });
    }
  }

  port.onmessage = (event: MessageEvent<ToRunner>) => {
    const message = event.data;
    switch (message.type) {
      case "prepare":
        void prepare();
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
