/**
 * Renders the output model into the block's `role="log"` element, once per batch of output and
 * append-only, as text nodes only (program output is never markup). Traceback lines that point
 * into the snippet become links to that line of the editor.
 */
import { MAX_LINES, type OutputModel } from "../client/output-model.ts";

type Line = OutputModel["lines"][number];

/** At most this many new lines are drawn in one frame; a flood's older lines wait for a calm one. */
const BURST = 200;

/** Renders a model into a `role="log"` element; `linkLine` makes snippet line references clickable. */
export class OutputRenderer {
  readonly #log: HTMLElement;
  readonly #model: OutputModel;
  readonly #traceback: RegExp;
  readonly #onLine: (line: number) => void;
  #scheduled = false;
  /** The shown line nodes, for the model's lines numbered from `#from`. */
  readonly #nodes: HTMLElement[] = [];
  #from = 0;
  #note: HTMLElement | null = null;
  /**
   * The log is scrolled to its end (within a line): new output keeps it there. Kept from scroll
   * events, so a render never reads the layout before it writes (a forced layout per batch).
   */
  #stuck = true;

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
    log.addEventListener(
      "scroll",
      () => {
        this.#stuck = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
      },
      { passive: true },
    );
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
      this.render(BURST);
    });
  }

  /**
   * Brings the log up to date, append-only: lines already shown stay as they are (only a line
   * still being written is redrawn), new lines are appended, and lines that left the kept window
   * leave from the top. At most `burst` new lines are drawn (a flood's newest); the rest of the
   * window is drawn by the first call with fewer.
   */
  render(burst = Infinity): void {
    const model = this.#model;
    const changed = model.takeChanged();
    const log = this.#log;
    const nodes = this.#nodes;
    const head = Math.max(0, Math.min(nodes.length, model.first - this.#from));
    const tail = Math.max(0, Math.min(nodes.length, changed - this.#from));
    if (head >= tail) {
      log.replaceChildren();
      nodes.length = 0;
    } else {
      for (const node of nodes.splice(tail)) node.remove();
      for (const node of nodes.splice(0, head)) node.remove();
    }
    this.#from = nodes.length ? this.#from + head : model.first;
    let start = this.#from + nodes.length - model.first;
    if (model.lines.length - start > burst) {
      // A flood: only its newest lines are drawn now; the rest of the window once it calms.
      log.replaceChildren();
      nodes.length = 0;
      start = model.lines.length - burst;
      this.#from = model.first + start;
    } else if (this.#from > model.first) {
      const older = model.lines.slice(0, this.#from - model.first).map((l) => this.#lineNode(l));
      nodes[0]?.before(...older);
      nodes.unshift(...older);
      this.#from = model.first;
      start = nodes.length;
    }
    const fresh = document.createDocumentFragment();
    for (let i = start; i < model.lines.length; i += 1) {
      const node = this.#lineNode(model.lines[i] as Line);
      nodes.push(node);
      fresh.append(node);
    }
    const added = fresh.childNodes.length > 0;
    log.append(fresh);
    this.#showDropped();
    if (added && this.#stuck) log.scrollTop = log.scrollHeight;
  }

  /** The note above the lines saying how much of a flood is not shown. */
  #showDropped(): void {
    const { droppedLines, droppedChars } = this.#model;
    if (!droppedLines && !droppedChars) {
      this.#note?.remove();
      return;
    }
    this.#note ??= Object.assign(document.createElement("div"), { className: "pb-dropped" });
    const what = [
      droppedLines ? `${droppedLines.toLocaleString("en")} earlier lines` : "",
      droppedChars
        ? `${droppedChars.toLocaleString("en")} characters the page could not keep up with`
        : "",
    ].filter(Boolean);
    const text = `… ${what.join(" and ")} not shown (output is capped at the last ${String(MAX_LINES)} lines)`;
    if (this.#note.textContent !== text) this.#note.textContent = text;
    if (this.#log.firstChild !== this.#note) this.#log.prepend(this.#note);
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
