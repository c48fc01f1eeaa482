/**
 * Shows how a run ended in the block's `role="status"` element: the ending in words (text and
 * `<code>` nodes, never markup from the program), `data-outcome` and `data-exit-code` for tests
 * and styles, or an infrastructure error with a Retry button.
 */
import { describeEnding } from "../runner/ending-words.ts";
import type { RunResult, RunnerError } from "../runner/result.ts";
import { button } from "./block-parts.ts";

/** Empties the status before a run. */
export function clearEnding(status: HTMLElement): void {
  status.textContent = "";
  delete status.dataset["outcome"];
  delete status.dataset["exitCode"];
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
  const text = document.createTextNode(`Could not run the example: ${error.message} `);
  if (!retry) {
    status.replaceChildren(text);
    return;
  }
  const again = button("Retry", "pb-retry");
  again.addEventListener("click", retry);
  status.replaceChildren(text, again);
}
