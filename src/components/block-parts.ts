/**
 * The parts a `<python-block>` is built from, each created here with its accessible name: the
 * toolbar (Run / Stop / Send signal / Reset / Copy / Share link), the output panel (`role="log"` plus the
 * `input()` form) and the ending (`role="status"`). No behaviour: `python-block.ts` wires them.
 */
import { SignalMenu } from "./signal-menu.ts";

/** A toolbar button. */
export function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `pb-button ${className}`;
  b.textContent = label;
  return b;
}

export interface Toolbar {
  element: HTMLElement;
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  signal: SignalMenu;
  reset: HTMLButtonElement;
  copy: HTMLButtonElement;
  /** Only in the playground. */
  share: HTMLButtonElement | null;
}

/** The block's toolbar; `label` names the block ("Python example 2"). */
export function createToolbar(label: string, withShare: boolean, idPrefix: string): Toolbar {
  const element = document.createElement("div");
  element.className = "pb-toolbar";
  element.setAttribute("role", "toolbar");
  element.setAttribute("aria-label", `${label} controls`);
  const run = button("Run", "pb-run");
  run.setAttribute("aria-keyshortcuts", "Control+Enter Meta+Enter");
  run.title = "Run (Ctrl+Enter)";
  const stop = button("Stop", "pb-stop");
  stop.disabled = true;
  stop.setAttribute("aria-keyshortcuts", "Escape Control+C");
  const signal = new SignalMenu(idPrefix);
  const reset = button("Reset", "pb-reset");
  const copy = button("Copy", "pb-copy");
  const share = withShare ? button("Share link", "pb-share") : null;
  element.append(run, stop, signal.element, reset, copy, ...(share ? [share] : []));
  return { element, run, stop, signal, reset, copy, share };
}

export interface OutputPanel {
  element: HTMLElement;
  log: HTMLElement;
  inputForm: HTMLFormElement;
  input: HTMLInputElement;
}

/** The output log and the `input()` form under it, hidden until the first run. */
export function createOutputPanel(label: string, idPrefix: string): OutputPanel {
  const element = document.createElement("div");
  element.className = "pb-output";
  element.hidden = true;
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
  const inputId = `${idPrefix}-stdin`;
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
  element.append(log, inputForm);
  return { element, log, inputForm, input };
}

/** Calls `send` with the line the reader submits for `input()`; the field empties and hides. */
export function onInputSent(output: OutputPanel, send: (text: string) => void): void {
  output.inputForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = output.input.value;
    output.input.value = "";
    output.inputForm.hidden = true;
    send(text);
  });
}

export interface ActivityLine {
  text: HTMLElement;
  progress: HTMLProgressElement;
  /** Says what the block is doing; `loading` shows the progress bar (moving, how far unknown). */
  set(text: string, loading?: boolean): void;
  /** Says how far a download is: the bar filled `value` of `max` (unknown `max`: moving). */
  measured(text: string, value: number, max: number | null): void;
  /** The bar is showing: the block is still loading. */
  readonly loading: boolean;
}

/** The one-line "what is happening now" under the editor. */
export function createActivityLine(): ActivityLine {
  const text = document.createElement("p");
  text.className = "pb-activity";
  const progress = document.createElement("progress");
  progress.className = "pb-progress";
  progress.hidden = true;
  progress.setAttribute("aria-label", "Loading Python");
  return {
    text,
    progress,
    set(value, loading = false) {
      if (text.textContent !== value) text.textContent = value;
      progress.hidden = !loading;
      progress.removeAttribute("value");
    },
    measured(value, done, max) {
      if (text.textContent !== value) text.textContent = value;
      progress.hidden = false;
      if (max === null) progress.removeAttribute("value");
      else {
        progress.max = max;
        progress.value = done;
      }
    },
    get loading() {
      return !progress.hidden;
    },
  };
}

/** The ending's `role="status"` paragraph. */
export function createStatus(): HTMLElement {
  const status = document.createElement("p");
  status.className = "pb-status";
  status.setAttribute("role", "status");
  return status;
}
