/**
 * One terminal line as DOM: its styled spans as `<span>` text (classes and inline colours from
 * `terminal-style.ts`), a snippet reference in it as a link whose text may cross spans.
 */
import type { ScreenLine } from "../client/terminal-screen.ts";
import { spanLook } from "./terminal-style.ts";

/** Where in a line's text a reference to a snippet line sits. */
export interface LineLink {
  start: number;
  end: number;
  line: number;
}

function spanNode(text: string, style: ScreenLine["spans"][number]["style"]): Node {
  const look = spanLook(style);
  if (!look.classes.length && !look.css) return document.createTextNode(text);
  const span = document.createElement("span");
  span.textContent = text;
  if (look.classes.length) span.className = look.classes.join(" ");
  if (look.css) span.style.cssText = look.css;
  return span;
}

/** Fills `parent` with `line`; an empty line keeps its height. */
export function appendLine(
  parent: HTMLElement,
  line: ScreenLine,
  link: LineLink | null,
  onLine: (line: number) => void,
): void {
  if (!line.text) {
    parent.textContent = "\u200b";
    return;
  }
  let anchor: HTMLAnchorElement | null = null;
  if (link) {
    anchor = document.createElement("a");
    anchor.href = "#";
    anchor.className = "pb-traceback-link";
    anchor.title = `Show line ${String(link.line)} in the code`;
    anchor.addEventListener("click", (event) => {
      event.preventDefault();
      onLine(link.line);
    });
  }
  let at = 0;
  for (const { text, style } of line.spans) {
    // A span may start before the link, end after it, or both: each part goes where it sits.
    const cuts = [0, text.length];
    if (link) cuts.push(link.start - at, link.end - at);
    const points = [...new Set(cuts.filter((c) => c >= 0 && c <= text.length))].sort(
      (a, b) => a - b,
    );
    for (let i = 0; i + 1 < points.length; i += 1) {
      const from = points[i] ?? 0;
      const to = points[i + 1] ?? 0;
      const node = spanNode(text.slice(from, to), style);
      if (anchor && link && at + from >= link.start && at + to <= link.end) {
        if (anchor.parentNode !== parent) parent.append(anchor);
        anchor.append(node);
      } else parent.append(node);
    }
    at += text.length;
  }
}
