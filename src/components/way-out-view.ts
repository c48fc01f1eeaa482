/**
 * Draws a run's way out under its ending: a collapsible timeline (open by default) whose list has
 * the accessible name "The way out". Each item carries `data-step`, `data-ran` and `data-line`;
 * steps that never ran are greyed and say "never ran" in words; a line reference is a button that
 * moves the editor's cursor to that line; what a step printed follows it, as plain text. Text
 * nodes only: names and output come from the program.
 */
import { wayOutItems, type WayOutItem } from "../runner/way-out-words.ts";
import type { TimelessResult } from "../runner/result.ts";

/** The (empty) container placed under the block's ending. */
export function createWayOut(): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "pb-wayout";
  details.open = true;
  details.hidden = true;
  return details;
}

function itemNode(item: WayOutItem, onLine: (line: number) => void): HTMLLIElement {
  const li = document.createElement("li");
  li.dataset["step"] = item.step;
  li.dataset["ran"] = item.ran ? "yes" : "no";
  if (!item.ran) li.className = "pb-never";
  for (const part of item.parts) {
    if (!part.code) li.append(part.text);
    else li.append(Object.assign(document.createElement("code"), { textContent: part.text }));
  }
  const { line } = item;
  if (line !== null) {
    li.dataset["line"] = String(line);
    const go = Object.assign(document.createElement("button"), {
      type: "button",
      className: "pb-wayout-line",
      textContent: `line ${String(line)}`,
    });
    go.addEventListener("click", () => {
      onLine(line);
    });
    li.append(" ", go);
  }
  if (item.printed !== null) {
    const label = Object.assign(document.createElement("span"), {
      className: "pb-wayout-printed-label",
      textContent: "printed",
    });
    const text = Object.assign(document.createElement("pre"), {
      className: "pb-wayout-printed",
      textContent: item.printed,
    });
    li.append(label, text);
  }
  return li;
}

/** Shows `result`'s way out in `details` (hidden again by `clearWayOut`). */
export function showWayOut(
  details: HTMLDetailsElement,
  result: TimelessResult,
  onLine: (line: number) => void,
): void {
  const summary = Object.assign(document.createElement("summary"), { textContent: "The way out" });
  const list = document.createElement("ol");
  list.setAttribute("aria-label", "The way out");
  list.append(...wayOutItems(result).map((item) => itemNode(item, onLine)));
  details.replaceChildren(summary, list);
  details.hidden = false;
}

export function clearWayOut(details: HTMLDetailsElement): void {
  details.hidden = true;
  details.replaceChildren();
}
