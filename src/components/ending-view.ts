/**
 * Shows how a run ended in the block's `role="status"` element (and its way out under it): the ending in words (text and
 * `<code>` nodes, never markup from the program), `data-outcome` and `data-exit-code` for tests
 * and styles, or an infrastructure error with a Retry button.
 */
import { describeEnding, endingSignal } from "../runner/ending-words.ts";
import type { RunResult, RunnerError } from "../runner/result.ts";
import { button, createStatus } from "./block-parts.ts";
import { clearWayOut, createWayOut, showWayOut } from "./way-out-view.ts";

/** Empties the status before a run. */
export function clearEnding(status: HTMLElement): void {
  status.textContent = "";
  delete status.dataset["outcome"];
  delete status.dataset["exitCode"];
  delete status.dataset["signal"];
}

/** Writes the ending of `result` for the code that ran. */
export function showEnding(
  status: HTMLElement,
  result: RunResult,
  source: string,
  stopPressed: boolean,
): void {
  status.dataset["outcome"] = result.outcome;
  status.dataset["exitCode"] = String(result.exitCode);
  const signal = endingSignal(result);
  if (signal) status.dataset["signal"] = signal;
  else delete status.dataset["signal"];
  const parts = describeEnding(result, source, stopPressed).map((part) => {
    if (!part.code) return part.text;
    const code = document.createElement("code");
    code.textContent = part.text;
    return code;
  });
  status.replaceChildren(...parts);
}

/** Says the run could not happen; `retry` adds a button that tries again. */
export function showError(
  status: HTMLElement,
  error: RunnerError,
  retry: (() => void) | null,
): void {
  status.dataset["outcome"] = "error";
  delete status.dataset["exitCode"];
  delete status.dataset["signal"];
  const text = document.createTextNode(`Could not run the example: ${error.message} `);
  if (!retry) {
    status.replaceChildren(text);
    return;
  }
  const again = button("Retry", "pb-retry");
  again.addEventListener("click", retry);
  status.replaceChildren(text, again);
}

/** A block's ending: the sentence in `role="status"` and, under it, the way out. */
export class Ending {
  readonly status = createStatus();
  readonly wayOut = createWayOut();
  /** Said after the ending: what this page could not do for the run (`page-limits.ts`). */
  #notes: string[] = [];

  clear(): void {
    this.#notes = [];
    clearEnding(this.status);
    clearWayOut(this.wayOut);
  }

  /** A sentence for this run's ending, once (added when the run ends). */
  note(text: string): void {
    if (!this.#notes.includes(text)) this.#notes.push(text);
  }

  /** `onLine`: a line reference in the way out was followed. */
  show(result: RunResult, source: string, stopPressed: boolean, onLine: (l: number) => void): void {
    showEnding(this.status, result, source, stopPressed);
    for (const text of this.#notes) this.status.append(" ", text);
    showWayOut(this.wayOut, result, onLine);
  }

  error(error: RunnerError, retry: (() => void) | null): void {
    clearWayOut(this.wayOut);
    showError(this.status, error, retry);
  }
}
