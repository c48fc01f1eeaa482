/**
 * The browser's module Web Worker: one worker per run, as one process per `python3 snippet.py`.
 * On init it boots Pyodide from the assets the page hands over (no fetch, no compile of its
 * own), attaches the driver, takes away every power a snippet should not have (`lockdown.ts`) and
 * says it is ready; then it runs exactly one program and reports its result. The page terminates
 * it afterwards, so nothing a program leaves behind (timers, patched prototypes) outlives its run.
 *
 * Output goes through the shared ring and `input()` blocks on the stdin channel when the page is
 * cross-origin isolated; otherwise output is posted in batches and `input()` sees EOF. Messages
 * travel over the private port from the init message, through functions captured before any
 * user code runs.
 */
/// <reference lib="webworker" />
import { interruptReceiver } from "../channels/interrupt.ts";
import type { FromRunner, RuntimeAssets, ToRunner, WorkerInit } from "../channels/messages.ts";
import { OutputRingWriter } from "../channels/output-ring.ts";
import { StdinReader } from "../channels/stdin.ts";
import DRIVER from "../runner/driver.py?raw";
import DRIVER_PURE from "../runner/driver_pure.py?raw";
import WAY_OUT from "../runner/way_out.py?raw";
import WAY_OUT_SOURCE from "../runner/way_out_source.py?raw";
import WAY_OUT_STREAMS from "../runner/way_out_streams.py?raw";
import WAY_OUT_EXITS from "../runner/way_out_exits.py?raw";
import DRIVER_SIGNALS from "../runner/driver_signals.py?raw";
import { driverText } from "../runner/driver.ts";
import type { BootConfig, LoadPyodide } from "../runner/pyodide-types.ts";
import type { RunRequest } from "../runner/result.ts";
import { Runner } from "../runner/runner.ts";
import { bootConfig, bootWithAssets } from "./boot-config.ts";
import { lockDown, stillReachable } from "./lockdown.ts";
import { messageOutput } from "./message-output.ts";

declare const self: DedicatedWorkerGlobalScope;

type CreateModule = NonNullable<BootConfig["createPyodideModule"]>;

/**
 * The page hands the snapshot over as shared memory when it can (no copy per worker on the page's
 * thread); this worker boots from its own copy, so no program can reach the bytes the page's next
 * workers boot from.
 */
function ownAssets(assets: RuntimeAssets): RuntimeAssets {
  const snapshot = assets.snapshot;
  const shared =
    typeof SharedArrayBuffer !== "undefined" && snapshot?.buffer instanceof SharedArrayBuffer;
  return shared ? { ...assets, snapshot: snapshot.slice() } : assets;
}

function start(init: WorkerInit): void {
  const { port, indexURL } = init;
  // Pyodide's scripts load now, while the page is still downloading the runtime's files.
  const scripts = Promise.all([
    import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as Promise<{ loadPyodide: LoadPyodide }>,
    import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`) as Promise<{ default: CreateModule }>,
  ]);
  scripts.catch(() => undefined); // a failure is reported when the boot awaits them
  let received: (assets: RuntimeAssets) => void = () => undefined;
  // Nothing below keeps the message's shared snapshot: it is dropped once copied.
  const arrived = new Promise<RuntimeAssets>((resolve) => {
    received = (assets) => {
      resolve(ownAssets(assets));
    };
  });
  // Captured now: a program may patch MessagePort.prototype, but not what was taken before it ran.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied to `port` below
  const postMessage = port.postMessage;
  const apply = Reflect.apply;
  const post = (message: FromRunner): void => {
    apply(postMessage, port, [message]);
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

  const booted = (async (): Promise<Runner> => {
    const assets = await arrived;
    post({ type: "booting" });
    const [pyodide, asm] = await scripts;
    const runner = new Runner({
      loadPyodide: pyodide.loadPyodide,
      indexURL,
      // In DRIVER_FILES' order.
      driver: driverText(
        DRIVER_PURE,
        WAY_OUT_SOURCE,
        WAY_OUT_STREAMS,
        WAY_OUT_EXITS,
        WAY_OUT,
        DRIVER_SIGNALS,
        DRIVER,
      ),
      interrupt: shared ? interruptReceiver(shared.interruptBuffer) : undefined,
      useSnapshot: assets.snapshot !== null,
      ...(assets.snapshot ? { snapshot: assets.snapshot } : {}),
      bootNext: false,
      warmAtBoot: true, // a spare boots ahead of the reader's Run
      bootConfig: bootConfig(assets, asm.default),
    });
    await bootWithAssets(assets, () => runner.warmUp());
    lockDown();
    const left = stillReachable();
    if (left.length) throw new Error(`could not remove ${left.join(", ")} from the worker`);
    return runner;
  })();

  booted.then(
    (runner) => {
      const boot = runner.bootTimes.at(-1)?.kind;
      post(boot ? { type: "ready", boot } : { type: "ready" });
    },
    (error: unknown) => {
      post({ type: "error", runId: null, error: { code: "load-failed", message: String(error) } });
    },
  );

  let used = false;
  let readEof = false;
  async function run(id: number, request: RunRequest): Promise<void> {
    runId = id;
    if (used) {
      post({
        type: "error",
        runId: id,
        error: { code: "internal", message: "a worker runs one program only" },
      });
      return;
    }
    used = true;
    try {
      const runner = await booted;
      const result = await runner.run(request, {
        output: (stream, text) => {
          if (ring) ring.write(stream, text);
          else messages.write(stream, text);
        },
        stdin: (buffer) => {
          if (stdin) return stdin.read(buffer);
          if (!readEof) post({ type: "input-eof", runId: id });
          readEof = true;
          return 0;
        },
        started: () => {
          post({ type: "started", runId: id });
        },
      });
      messages.send();
      post({ type: "result", runId: id, result });
    } catch (error) {
      messages.send();
      post({ type: "error", runId: id, error: { code: "load-failed", message: String(error) } });
    }
  }

  port.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<ToRunner>;
    if (message.type === "assets" && message.assets) received(message.assets);
    if (message.type === "run" && typeof message.runId === "number" && message.request)
      void run(message.runId, message.request);
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
