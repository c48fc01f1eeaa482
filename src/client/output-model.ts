/**
 * The output panel's model and renderer: lines tagged stdout/stderr, bounded (a print flood keeps
 * the last lines and says how many were dropped), rendered once per batch of output, as text
 * nodes only. Traceback lines that point into the snippet become links to that line.
 */
import type { Drained } from "../channels/output-ring.ts";
import type { Stream } from "../runner/result.ts";

export const MAX_LINES = 1000;
export const MAX_LINE_CHARS = 2000;

/** stdin lines are what the reader typed at an `input()` prompt, echoed as a terminal would. */
type LineStream = Stream | "stdin";

interface Line {
  stream: LineStream;
  text: string;
  /** The line ended with "\n" (a partial last line stays open for more text). */
  closed: boolean;
}

/** Bounded lines of output, newest last. */
export class OutputModel {
  lines: Line[] = [];
  droppedLines = 0;
  droppedChars = 0;

  clear(): void {
    this.lines = [];
    this.droppedLines = 0;
    this.droppedChars = 0;
  }

  add(drained: Drained): void {
    this.droppedChars += drained.dropped;
    for (const { stream, text } of drained.chunks) this.#append(stream, text);
    const excess = this.lines.length - MAX_LINES;
    if (excess > 0) {
      this.lines.splice(0, excess);
      this.droppedLines += excess;
    }
  }

  /** Echoes a line the reader typed for `input()`. */
  echoInput(text: string): void {
    this.#append("stdin", `${text}\n`);
  }

  #append(stream: LineStream, input: string): void {
    const text = this.#keepTail(input);
    const parts = text.split("\n");
    parts.forEach((part, i) => {
      const closes = i < parts.length - 1;
      if (part === "" && !closes) return;
      const last = this.lines.at(-1);
      if (last && !last.closed && last.stream === stream) {
        last.text = (last.text + part).slice(-MAX_LINE_CHARS);
        last.closed = closes;
      } else {
        this.lines.push({ stream, text: part.slice(-MAX_LINE_CHARS), closed: closes });
      }
    });
  }

  /**
   * A flood can deliver far more lines at once than are ever shown: count the head's lines as
   * dropped (with everything shown so far) and keep only the last MAX_LINES, without splitting
   * the rest into strings.
   */
  #keepTail(text: string): string {
    let cut = text.length;
    for (let n = 0; n <= MAX_LINES; n += 1) {
      cut = text.lastIndexOf("\n", cut - 1);
      if (cut <= 0) return text;
    }
    let dropped = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i <= cut; i = text.indexOf("\n", i + 1))
      dropped += 1;
    this.droppedLines +=
      dropped + this.lines.length - (this.lines.at(-1)?.closed === false ? 1 : 0);
    this.lines = [];
    return text.slice(cut + 1);
  }
}

/** Renders a model into a `role="log"` element; `linkLine` makes snippet line references clickable. */
export class OutputRenderer {
  readonly #log: HTMLElement;
  readonly #model: OutputModel;
  readonly #traceback: RegExp;
  readonly #onLine: (line: number) => void;
  #scheduled = false;

  constructor(
    log: HTMLElement,
    model: OutputModel,
    filename: string,
    onLine: (line: number) => void,
  ) {
    this.#log = log;
    this.#model = model;
    const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.#traceback = new RegExp(`(File "${escaped}", line )(\\d+)`);
    this.#onLine = onLine;
  }

  /**
   * Renders once after the current task, however many times it is called in it. Output arrives
   * at most once per animation frame (the ring is drained in a frame callback), so rendering in
   * that same frame shows it a frame sooner than scheduling another one.
   */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.render();
    });
  }

  render(): void {
    const { lines, droppedLines, droppedChars } = this.#model;
    const nodes: Node[] = [];
    if (droppedLines || droppedChars) {
      const note = document.createElement("div");
      note.className = "pb-dropped";
      const what = [
        droppedLines ? `${droppedLines.toLocaleString("en")} earlier lines` : "",
        droppedChars
          ? `${droppedChars.toLocaleString("en")} characters the page could not keep up with`
          : "",
      ].filter(Boolean);
      note.textContent = `… ${what.join(" and ")} not shown (output is capped at the last ${String(MAX_LINES)} lines)`;
      nodes.push(note);
    }
    for (const line of lines) nodes.push(this.#lineNode(line));
    const stick = this.#log.scrollHeight - this.#log.scrollTop - this.#log.clientHeight < 24;
    this.#log.replaceChildren(...nodes);
    if (stick) this.#log.scrollTop = this.#log.scrollHeight;
  }

  #lineNode(line: Line): HTMLElement {
    const div = document.createElement("div");
    div.className = `pb-line pb-${line.stream}`;
    div.dataset["stream"] = line.stream;
    const match = line.stream === "stderr" ? this.#traceback.exec(line.text) : null;
    if (!match?.[2]) {
      div.textContent = line.text || "\u200b";
      return div;
    }
    const lineNo = Number(match[2]);
    const before = line.text.slice(0, match.index);
    const linked = match[0];
    const after = line.text.slice(match.index + linked.length);
    const link = document.createElement("a");
    link.href = "#";
    link.className = "pb-traceback-link";
    link.textContent = linked;
    link.title = `Show line ${String(lineNo)} in the code`;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      this.#onLine(lineNo);
    });
    div.append(before, link, after);
    return div;
  }
}
