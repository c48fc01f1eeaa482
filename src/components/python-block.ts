/**
 * `<python-block>`: upgrades a build-time highlighted Python block into a runnable one — editor,
 * Run / Stop / Reset / Copy, live output, the ending in words, the halting line marked. The
 * static `<pre>` stays until the editor is ready, so the code reads without JavaScript.
 *
 * Contract for tests: the root carries `data-runnable` and `data-state`
 * (`idle | loading | running | done`); output is in `role="log"`; the ending is in
 * `role="status"` with `data-outcome` and `data-exit-code`.
 */
import { afterPaint } from "../client/after-paint.ts";
import { unsupportedReason } from "../client/page-runner.ts";
import { playgroundCode } from "../client/playground-link.ts";
import type { RunHandle, RunListener } from "../client/runner-client.ts";
import { SNIPPET_FILE } from "../runner/paths.ts";
import { terminalStdio, type RunnerError } from "../runner/result.ts";
import {
  createActivityLine,
  createOutputPanel,
  createToolbar,
  onInputSent,
  type ActivityLine,
  type OutputPanel,
  type Toolbar,
} from "./block-parts.ts";
import { copyWithFeedback } from "./clipboard.ts";
import type { CodeEditor } from "./editor.ts";
import { Ending } from "./ending-view.ts";
import { BlockOutput, type Terminal } from "./block-output.ts";
import { limitNotes } from "./limit-notice.ts";
import { wirePlayground } from "./playground-wiring.ts";
import { prefetchOnIntent, prefetchWhenVisible } from "./prefetch.ts";
import { progressListener } from "./run-progress.ts";
import { stopOnCtrlC } from "./ctrl-c.ts";
import { runner } from "./runner-mirror.ts";
import { terminalProbe } from "./terminal-size.ts";

type BlockState = "idle" | "loading" | "running" | "done";

/** The parts of an upgraded block. */
interface BlockUI {
  toolbar: Toolbar;
  output: OutputPanel;
  activity: ActivityLine;
  ending: Ending;
  out: BlockOutput;
}

class PythonBlock extends HTMLElement {
  #original = "";
  #editor: CodeEditor | null = null;
  #handle: RunHandle | null = null;
  #lastSource = "";
  #ui: BlockUI | null = null;

  connectedCallback(): void {
    if (this.#ui) return;
    const pre = this.querySelector("pre");
    this.#original = (pre?.textContent ?? "").replace(/\n$/, "");
    const playground = this.hasAttribute("data-playground");
    const fromLink = playground ? playgroundCode(location.hash) : null;
    const label = this.id ? `Python example ${this.id.replace(/\D+/g, "")}` : "Python code";

    const toolbar = createToolbar(label, playground, this.id || "block");
    const editorHost = document.createElement("div");
    editorHost.className = "pb-editor";
    const activity = createActivityLine();
    const output = createOutputPanel(label, this.id || "block");
    const ending = new Ending();
    this.prepend(toolbar.element, ...limitNotes());
    // The verified result stays under the code it describes: after the editor, before the panel.
    const expected = this.querySelector("[data-expected]");
    const probe = terminalProbe((size) => {
      this.#ui?.out.resize(size);
    });
    this.append(editorHost, ...(expected ? [expected] : []), probe);
    this.append(activity.text, activity.progress, output.element, ending.status, ending.wayOut);
    const out = new BlockOutput(output.log, SNIPPET_FILE, (line) => {
      this.#editor?.focusLine(line);
    });
    this.#ui = { toolbar, output, activity, ending, out };
    this.#wire(toolbar, output);

    void import("./editor.ts").then(({ createEditor }) => {
      this.#editor = createEditor(editorHost, fromLink ?? this.#original, {
        label: `${label}: editable code`,
        onRun: () => {
          this.run();
        },
        onEscape: () => {
          if (this.#handle) this.#handle.stop();
          else toolbar.run.focus();
          return true;
        },
      });
      pre?.setAttribute("hidden", "");
      this.dataset["editor"] = "ready";
    });
    prefetchWhenVisible(this, () => {
      runner().prefetch();
      void out.load();
    });
  }

  /** The block left the page (a page turn): its program is killed at once, as Stop pressed twice. */
  disconnectedCallback(): void {
    this.#handle?.stop();
    this.#handle?.stop();
  }

  #wire(toolbar: Toolbar, output: OutputPanel): void {
    prefetchOnIntent(toolbar.run, () => {
      if (!unsupportedReason()) runner().prefetch();
      void this.#ui?.out.load();
    });
    toolbar.run.addEventListener("click", () => {
      this.run();
    });
    toolbar.stop.addEventListener("click", () => {
      this.#handle?.stop();
    });
    toolbar.signal.onSend = (signal) => this.#handle?.signal(signal);
    toolbar.reset.addEventListener("click", () => {
      this.#editor?.setValue(this.#original);
      this.#editor?.markLine(null);
    });
    toolbar.copy.addEventListener("click", () => {
      void copyWithFeedback(this.#source(), toolbar.copy, "Copied");
    });
    if (toolbar.share) {
      wirePlayground(
        toolbar.share,
        () => this.#source(),
        (code) => this.#editor?.setValue(code),
      );
    }
    stopOnCtrlC(this, () => ({ running: this.#handle, editor: this.#editor }));
    onInputSent(output, (text) => {
      this.#ui?.out.echoInput(text);
      this.#handle?.sendInput(text);
      this.#ui?.activity.set("Running…");
    });
  }

  #source(): string {
    return this.#editor?.getValue() ?? this.#original;
  }

  #setState(state: BlockState): void {
    this.dataset["state"] = state;
    if (!this.#ui) return;
    const { run, stop } = this.#ui.toolbar;
    const busy = state === "running" || state === "loading";
    run.disabled = busy;
    stop.disabled = !busy;
    this.#ui.toolbar.signal.setEnabled(state === "running");
    if (!busy) stop.textContent = "Stop";
  }

  /** Runs the current code (the Run button, Ctrl/Cmd+Enter). */
  run(): void {
    const ui = this.#ui;
    if (!ui || this.#handle || this.dataset["state"] === "loading") return;
    const problem = unsupportedReason();
    if (problem) {
      this.#failed({ code: "load-failed", message: problem }, false);
      return;
    }
    this.#lastSource = this.#source();
    this.#setState("loading");
    ui.activity.set("Starting…");
    // The build-time verified result gives way to the live one.
    this.querySelector("[data-expected]")?.setAttribute("hidden", "");
    ui.ending.clear();
    // The terminal came with the block into view; if it has not, the run starts once it has.
    ui.out.load().then(
      (terminal) => {
        this.#start(ui, terminal);
      },
      () => {
        this.#failed(
          { code: "load-failed", message: "The output panel's script did not load." },
          true,
        );
      },
    );
  }

  #start(ui: BlockUI, terminal: Terminal): void {
    terminal.model.clear();
    ui.output.element.hidden = false;
    // The worker starts the program now; the panel and the editor are redrawn while it does
    // (its output is drained no sooner than this task ends).
    this.#handle = runner().run(
      {
        source: this.#lastSource,
        filename: SNIPPET_FILE,
        stdio: terminalStdio(terminal.model.size),
        interruptAtLine: this.#editor?.interruptLine() ?? 0,
      },
      this.#listener(ui, terminal),
    );
    terminal.renderer.render();
    this.#editor?.markLine(null);
  }

  #listener(ui: BlockUI, { model, renderer }: Terminal): RunListener {
    return {
      ...progressListener(ui),
      started: () => {
        this.#setState("running");
        ui.activity.set("Running…");
      },
      output: (drained) => {
        model.add(drained);
      },
      ended: (result, stopPressed) => {
        this.#handle = null;
        renderer.render();
        ui.output.inputForm.hidden = true;
        ui.activity.set("");
        this.#setState("done");
        ui.ending.show(result, this.#lastSource, stopPressed, (at) => this.#editor?.focusLine(at));
        const line = result.line ?? result.interruptedAt?.line ?? null;
        if (line === null) return;
        // A frame later: the ending is painted first (the editor's update forces a layout).
        afterPaint(() => {
          if (!this.#handle && this.#source() === this.#lastSource) this.#editor?.markLine(line);
        });
      },
      failed: (error) => {
        this.#failed(error, true);
      },
    };
  }

  #failed(error: RunnerError, retry: boolean): void {
    const ui = this.#ui;
    this.#handle = null;
    if (!ui) return;
    this.#setState("done");
    ui.activity.set("");
    ui.ending.error(error, retry ? this.run.bind(this) : null);
  }
}

/** Registers `<python-block>` once. */
export function definePythonBlock(): void {
  if (!customElements.get("python-block")) customElements.define("python-block", PythonBlock);
}
