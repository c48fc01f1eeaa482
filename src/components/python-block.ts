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
import { TerminalModel } from "../client/terminal-model.ts";
import { SNIPPET_FILE } from "../runner/paths.ts";
import { terminalStdio, type RunnerError } from "../runner/result.ts";
import {
  createActivityLine,
  createOutputPanel,
  createStatus,
  createToolbar,
  onInputSent,
  type ActivityLine,
  type OutputPanel,
  type Toolbar,
} from "./block-parts.ts";
import { copyWithFeedback } from "./clipboard.ts";
import type { CodeEditor } from "./editor.ts";
import { clearEnding, showEnding, showError, stoppingText } from "./ending-view.ts";
import { OutputRenderer } from "./output-log.ts";
import { wirePlayground } from "./playground-wiring.ts";
import { prefetchOnIntent, prefetchWhenVisible } from "./prefetch.ts";
import { stopOnCtrlC } from "./ctrl-c.ts";
import { runner } from "./runner-mirror.ts";
import { terminalProbe } from "./terminal-size.ts";

type BlockState = "idle" | "loading" | "running" | "done";

/** The parts of an upgraded block. */
interface BlockUI {
  toolbar: Toolbar;
  output: OutputPanel;
  activity: ActivityLine;
  status: HTMLElement;
  renderer: OutputRenderer;
}

class PythonBlock extends HTMLElement {
  #original = "";
  #editor: CodeEditor | null = null;
  #handle: RunHandle | null = null;
  #lastSource = "";
  readonly #model = new TerminalModel(() => this.#ui?.renderer.schedule());
  #ui: BlockUI | null = null;

  connectedCallback(): void {
    if (this.#ui) return;
    const pre = this.querySelector("pre");
    this.#original = (pre?.textContent ?? "").replace(/\n$/, "");
    const playground = this.hasAttribute("data-playground");
    const fromLink = playground ? playgroundCode(location.hash) : null;
    const label = this.id ? `Python example ${this.id.replace(/\D+/g, "")}` : "Python code";

    const toolbar = createToolbar(label, playground);
    const editorHost = document.createElement("div");
    editorHost.className = "pb-editor";
    const activity = createActivityLine();
    const output = createOutputPanel(label, this.id || "block");
    const status = createStatus();
    this.prepend(toolbar.element);
    // The verified result stays under the code it describes: after the editor, before the panel.
    const expected = this.querySelector("[data-expected]");
    const probe = terminalProbe((size) => {
      this.#model.resize(size);
    });
    this.append(editorHost, ...(expected ? [expected] : []), probe);
    this.append(activity.text, activity.progress, output.element, status);
    const renderer = new OutputRenderer(output.log, this.#model, SNIPPET_FILE, (line) => {
      this.#editor?.focusLine(line);
    });
    this.#ui = { toolbar, output, activity, status, renderer };
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
    });
    toolbar.run.addEventListener("click", () => {
      this.run();
    });
    toolbar.stop.addEventListener("click", () => {
      this.#handle?.stop();
    });
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
      this.#model.echoInput(text);
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
    if (!busy) stop.textContent = "Stop";
  }

  /** Runs the current code (the Run button, Ctrl/Cmd+Enter). */
  run(): void {
    const ui = this.#ui;
    if (!ui || this.#handle) return;
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
    this.#model.clear();
    ui.output.element.hidden = false;
    clearEnding(ui.status);
    // The worker starts the program now; the panel and the editor are redrawn while it does
    // (its output is drained no sooner than this task ends).
    this.#handle = runner().run(
      { source: this.#lastSource, filename: SNIPPET_FILE, stdio: terminalStdio(this.#model.size) },
      this.#listener(ui),
    );
    ui.renderer.render();
    this.#editor?.markLine(null);
  }

  #listener(ui: BlockUI): RunListener {
    return {
      queued: () => {
        ui.activity.set("Waiting for another example on this page to finish…");
      },
      loading: () => {
        ui.activity.set("Loading Python (about 20 MB, once per visit)…", true);
      },
      started: () => {
        this.#setState("running");
        ui.activity.set("Running…");
      },
      output: (drained) => {
        this.#model.add(drained);
      },
      inputRequested: () => {
        ui.output.inputForm.hidden = false;
        ui.activity.set("The program is waiting for input.");
        ui.output.input.focus();
      },
      stopping: (deadline) => {
        ui.output.inputForm.hidden = true;
        ui.toolbar.stop.textContent = "Stop now (force)";
        ui.activity.set(stoppingText(deadline));
      },
      ended: (result, stopPressed) => {
        this.#handle = null;
        ui.renderer.render();
        ui.output.inputForm.hidden = true;
        ui.activity.set("");
        this.#setState("done");
        showEnding(ui.status, result, this.#lastSource, stopPressed);
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
    showError(
      ui.status,
      error,
      retry
        ? () => {
            this.run();
          }
        : null,
    );
  }
}

/** Registers `<python-block>` once. */
export function definePythonBlock(): void {
  if (!customElements.get("python-block")) customElements.define("python-block", PythonBlock);
}
