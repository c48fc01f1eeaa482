/**
 * `<python-block>`: upgrades a build-time highlighted Python block into a runnable one — editor,
 * Run / Stop / Reset / Copy, live output, the ending in words, the halting line marked. The
 * static `<pre>` stays until the editor is ready, so the code reads without JavaScript.
 *
 * Contract for tests: the root carries `data-runnable` and `data-state`
 * (`idle | loading | running | done`); output is in `role="log"`; the ending is in
 * `role="status"` with `data-outcome` and `data-exit-code`.
 */
import type { RunHandle, RunListener } from "../client/runner-client.ts";
import { describeEnding } from "../runner/ending-words.ts";
import { OutputModel, OutputRenderer } from "../client/output-model.ts";
import { pageRunner, unsupportedReason } from "../client/page-runner.ts";
import type { CodeEditor } from "./editor.ts";
import type { RunResult, RunnerError } from "../runner/result.ts";
import { playgroundCode, shareLink } from "../client/playground-link.ts";
import { SNIPPET_FILE } from "../runner/paths.ts";

type BlockState = "idle" | "loading" | "running" | "done";

function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `pb-button ${className}`;
  b.textContent = label;
  return b;
}

let prefetchObserver: IntersectionObserver | null = null;

/** Loads Python in the background once any runnable block is on screen and the page is idle. */
function observeForPrefetch(block: HTMLElement): void {
  prefetchObserver ??= new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    prefetchObserver?.disconnect();
    const go = (): void => {
      pageRunner().prefetch();
    };
    if ("requestIdleCallback" in window) requestIdleCallback(go, { timeout: 2000 });
    else setTimeout(go, 200);
  });
  prefetchObserver.observe(block);
}

class PythonBlock extends HTMLElement {
  #original = "";
  #editor: CodeEditor | null = null;
  #handle: RunHandle | null = null;
  #lastSource = "";
  readonly #model = new OutputModel();
  #renderer: OutputRenderer | null = null;
  #ui: {
    run: HTMLButtonElement;
    stop: HTMLButtonElement;
    reset: HTMLButtonElement;
    copy: HTMLButtonElement;
    share: HTMLButtonElement | null;
    editorHost: HTMLElement;
    output: HTMLElement;
    log: HTMLElement;
    inputForm: HTMLFormElement;
    input: HTMLInputElement;
    activity: HTMLElement;
    progress: HTMLProgressElement;
    status: HTMLElement;
  } | null = null;

  connectedCallback(): void {
    if (this.#ui) return;
    const pre = this.querySelector("pre");
    this.#original = (pre?.textContent ?? "").replace(/\n$/, "");
    const fromLink = this.hasAttribute("data-playground") ? playgroundCode(location.hash) : null;
    const label = this.id ? `Python example ${this.id.replace(/\D+/g, "")}` : "Python code";

    const toolbar = document.createElement("div");
    toolbar.className = "pb-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", `${label} controls`);
    const run = button("Run", "pb-run");
    run.setAttribute("aria-keyshortcuts", "Control+Enter Meta+Enter");
    run.title = "Run (Ctrl+Enter)";
    const stop = button("Stop", "pb-stop");
    stop.disabled = true;
    stop.setAttribute("aria-keyshortcuts", "Escape");
    const reset = button("Reset", "pb-reset");
    const copy = button("Copy", "pb-copy");
    const share = this.hasAttribute("data-playground") ? button("Share link", "pb-share") : null;
    toolbar.append(run, stop, reset, copy, ...(share ? [share] : []));

    const editorHost = document.createElement("div");
    editorHost.className = "pb-editor";

    const activity = document.createElement("p");
    activity.className = "pb-activity";
    const progress = document.createElement("progress");
    progress.className = "pb-progress";
    progress.hidden = true;
    progress.setAttribute("aria-label", "Loading Python");

    const output = document.createElement("div");
    output.className = "pb-output";
    output.hidden = true;
    const log = document.createElement("div");
    log.className = "pb-log";
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "off");
    log.setAttribute("aria-label", `Output of ${label}`);
    log.tabIndex = 0;
    const inputForm = document.createElement("form");
    inputForm.className = "pb-input";
    inputForm.hidden = true;
    const inputLabel = document.createElement("label");
    const inputId = `${this.id || "block"}-stdin`;
    inputLabel.htmlFor = inputId;
    inputLabel.textContent = "input():";
    const input = document.createElement("input");
    input.id = inputId;
    input.type = "text";
    input.autocomplete = "off";
    input.spellcheck = false;
    const send = button("Send", "pb-send");
    send.type = "submit";
    inputForm.append(inputLabel, input, send);
    output.append(log, inputForm);

    const status = document.createElement("p");
    status.className = "pb-status";
    status.setAttribute("role", "status");

    this.prepend(toolbar);
    this.append(editorHost, activity, progress, output, status);
    this.#ui = {
      run,
      stop,
      reset,
      copy,
      share,
      editorHost,
      output,
      log,
      inputForm,
      input,
      activity,
      progress,
      status,
    };
    this.#renderer = new OutputRenderer(log, this.#model, SNIPPET_FILE, (line) => {
      this.#editor?.focusLine(line);
    });

    run.addEventListener("click", () => {
      this.run();
    });
    run.addEventListener("pointerenter", () => {
      if (!unsupportedReason()) pageRunner().prefetch();
    });
    run.addEventListener("focus", () => {
      if (!unsupportedReason()) pageRunner().prefetch();
    });
    stop.addEventListener("click", () => {
      this.#handle?.stop();
    });
    reset.addEventListener("click", () => {
      this.#editor?.setValue(this.#original);
      this.#editor?.markLine(null);
    });
    copy.addEventListener("click", () => {
      void this.#copy(this.#source(), copy, "Copied");
    });
    share?.addEventListener("click", () => {
      void this.#copy(shareLink(location.href, this.#source()), share, "Link copied");
    });
    inputForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#model.echoInput(input.value);
      this.#renderer?.schedule();
      this.#handle?.sendInput(input.value);
      input.value = "";
      inputForm.hidden = true;
      this.#setActivity("Running…");
    });

    void import("./editor.ts").then(({ createEditor }) => {
      this.#editor = createEditor(editorHost, fromLink ?? this.#original, {
        label: `${label}: editable code`,
        onRun: () => {
          this.run();
        },
        onEscape: () => {
          if (this.#handle) {
            this.#handle.stop();
          } else {
            this.#ui?.run.focus();
          }
          return true;
        },
      });
      pre?.setAttribute("hidden", "");
      this.dataset["editor"] = "ready";
    });
    observeForPrefetch(this);
  }

  #source(): string {
    return this.#editor?.getValue() ?? this.#original;
  }

  #setState(state: BlockState): void {
    this.dataset["state"] = state;
    if (!this.#ui) return;
    this.#ui.run.disabled = state === "running" || state === "loading";
    this.#ui.stop.disabled = !(state === "running" || state === "loading");
    if (state !== "running" && state !== "loading") this.#ui.stop.textContent = "Stop";
  }

  #setActivity(text: string, loading = false): void {
    if (!this.#ui) return;
    this.#ui.activity.textContent = text;
    this.#ui.progress.hidden = !loading;
  }

  /** Runs the current code (the Run button, Ctrl/Cmd+Enter). */
  run(): void {
    const ui = this.#ui;
    if (!ui || this.#handle) return;
    const problem = unsupportedReason();
    if (problem) {
      this.#showError({ code: "load-failed", message: problem }, false);
      return;
    }
    this.#lastSource = this.#source();
    // The build-time verified result gives way to the live one.
    this.querySelector("[data-expected]")?.setAttribute("hidden", "");
    this.#model.clear();
    this.#renderer?.render();
    ui.output.hidden = false;
    ui.status.textContent = "";
    delete ui.status.dataset["outcome"];
    delete ui.status.dataset["exitCode"];
    this.#editor?.markLine(null);
    this.#setState("loading");
    this.#setActivity("Starting…");
    this.#handle = pageRunner().run(
      { source: this.#lastSource, filename: SNIPPET_FILE },
      this.#listener(),
    );
  }

  #listener(): RunListener {
    return {
      queued: () => {
        this.#setActivity("Waiting for another example on this page to finish…");
      },
      loading: () => {
        this.#setActivity("Loading Python (about 12 MB, once per visit)…", true);
      },
      started: () => {
        this.#setState("running");
        this.#setActivity("Running…");
      },
      output: (drained) => {
        this.#model.add(drained);
        this.#renderer?.schedule();
      },
      inputRequested: () => {
        const ui = this.#ui;
        if (!ui) return;
        ui.inputForm.hidden = false;
        this.#setActivity("The program is waiting for input.");
        ui.input.focus();
      },
      stopping: () => {
        const ui = this.#ui;
        if (!ui) return;
        ui.inputForm.hidden = true;
        ui.stop.textContent = "Stop now (force)";
        this.#setActivity(
          "Stop: sent KeyboardInterrupt (SIGINT)… if the program ignores it, it is terminated in 2 s.",
        );
      },
      ended: (result, stopPressed) => {
        this.#ended(result, stopPressed);
      },
      failed: (error) => {
        this.#showError(error, true);
      },
    };
  }

  #ended(result: RunResult, stopPressed: boolean): void {
    const ui = this.#ui;
    this.#handle = null;
    if (!ui) return;
    this.#renderer?.render();
    ui.inputForm.hidden = true;
    this.#setActivity("");
    this.#setState("done");
    ui.status.dataset["outcome"] = result.outcome;
    ui.status.dataset["exitCode"] = String(result.exitCode);
    const parts = describeEnding(result, this.#lastSource, stopPressed).map((part) => {
      if (!part.code) return part.text;
      const code = document.createElement("code");
      code.textContent = part.text;
      return code;
    });
    ui.status.replaceChildren(...parts);
    const line = result.line ?? result.interruptedAt?.line ?? null;
    if (line !== null && this.#source() === this.#lastSource) this.#editor?.markLine(line);
  }

  #showError(error: RunnerError, retry: boolean): void {
    const ui = this.#ui;
    this.#handle = null;
    if (!ui) return;
    this.#setState("done");
    this.#setActivity("");
    ui.status.dataset["outcome"] = "error";
    delete ui.status.dataset["exitCode"];
    const text = document.createTextNode(`Could not run the example: ${error.message} `);
    if (!retry) {
      ui.status.replaceChildren(text);
      return;
    }
    const again = button("Retry", "pb-retry");
    again.addEventListener("click", () => {
      this.run();
    });
    ui.status.replaceChildren(text, again);
  }

  async #copy(text: string, target: HTMLButtonElement, done: string): Promise<void> {
    const before = target.textContent;
    try {
      await navigator.clipboard.writeText(text);
      target.textContent = done;
    } catch {
      target.textContent = "Copy failed";
    }
    setTimeout(() => {
      target.textContent = before;
    }, 1500);
  }
}

/** Registers `<python-block>` once. */
export function definePythonBlock(): void {
  if (!customElements.get("python-block")) customElements.define("python-block", PythonBlock);
}
