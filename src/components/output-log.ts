/**
 * Renders the output model into the block's `role="log"` element, once per batch of output, as
 * text nodes only (program output is never markup). Traceback lines that point into the snippet
 * become links to that line of the editor.
 */
import { MAX_LINES, type OutputModel } from "../client/output-model.ts";

type Line = OutputModel["lines"][number];

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
