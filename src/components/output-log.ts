/**
 * Renders the terminal model into the block's `role="log"` element, once per batch of output and
 * append-only: rows that scrolled above the terminal's screen are final, so only lines from the
 * first changed row are redrawn. Text goes in as text nodes only (program output is never
 * markup), styled spans as classes; traceback lines that point into the snippet link to that line
 * of the editor.
 */
import { MAX_LINES } from "../client/scrollback.ts";
import type { TerminalModel } from "../client/terminal-model.ts";
import type { NumberedLine } from "../client/terminal-screen.ts";
import { appendLine } from "./terminal-line.ts";

/** At most this many new lines are drawn in one frame; a flood's older lines wait for a calm one. */
const BURST = 200;

interface Shown {
  row: number;
  /** The row after the line's last one. */
  end: number;
  node: HTMLElement;
}

/** Renders a model into a `role="log"` element; `onLine` shows a snippet line the output names. */
export class OutputRenderer {
  readonly #log: HTMLElement;
  readonly #model: TerminalModel;
  readonly #traceback: RegExp;
  readonly #onLine: (line: number) => void;
  #scheduled = false;
  /** The lines drawn, in order. */
  readonly #shown: Shown[] = [];
  #note: HTMLElement | null = null;
  /**
   * The log is scrolled to its end (within a line): new output keeps it there. Kept from scroll
   * events, so a render never reads the layout before it writes (a forced layout per batch).
   */
  #stuck = true;

  constructor(
    log: HTMLElement,
    model: TerminalModel,
    filename: string,
    onLine: (line: number) => void,
  ) {
    this.#log = log;
    this.#model = model;
    const escaped = filename.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    this.#traceback = new RegExp(`File "${escaped}", line (\\d+)`);
    this.#onLine = onLine;
    log.addEventListener(
      "scroll",
      () => {
        this.#stuck = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
      },
      { passive: true },
    );
  }

  /** Renders once after the current task, however many times it is called in it. */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      this.render(BURST);
    });
  }

  /**
   * Brings the log up to date, append-only: lines before the first changed row stay as they are,
   * lines from it are redrawn, new lines are appended, and lines pushed out of the kept rows
   * leave from the top. At most `burst` new lines are drawn (a flood's newest); older undrawn
   * lines are drawn by the first call with fewer.
   */
  render(burst = Infinity): void {
    const model = this.#model;
    const changed = model.takeChanged();
    const first = model.first;
    const shown = this.#shown;
    let keepFrom = shown.findIndex((s) => s.row >= first);
    if (keepFrom === -1) keepFrom = shown.length;
    let keepTo = shown.findIndex((s) => s.end > changed);
    if (keepTo === -1) keepTo = shown.length;
    for (const gone of [...shown.splice(keepTo), ...shown.splice(0, keepFrom)]) gone.node.remove();

    const from = shown.at(-1)?.end ?? first;
    const fresh = model.linesFrom(from, burst);
    const complete = fresh[0]?.row === from || fresh.length === 0;
    if (!complete) {
      // A flood: only its newest lines are drawn now; the rest once it calms.
      for (const gone of shown.splice(0)) gone.node.remove();
    } else if (shown[0] && shown[0].row > first && shown[0].row - first <= burst) {
      // Older lines a flood left undrawn (fewer rows than a burst: fewer lines too).
      const older = model.linesFrom(first, Infinity, shown[0].row).map((l) => this.#shownLine(l));
      shown[0].node.before(...older.map((s) => s.node));
      shown.unshift(...older);
    }
    const batch = document.createDocumentFragment();
    for (const line of fresh) {
      const item = this.#shownLine(line);
      shown.push(item);
      batch.append(item.node);
    }
    this.#log.append(batch);
    this.#showDropped();
    if (fresh.length && this.#stuck) this.#log.scrollTop = this.#log.scrollHeight;
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
    const text = `… ${what.join(" and ")} not shown (the terminal keeps its last ${String(MAX_LINES)} rows)`;
    if (this.#note.textContent !== text) this.#note.textContent = text;
    if (this.#log.firstChild !== this.#note) this.#log.prepend(this.#note);
  }

  #shownLine({ row, rows, line }: NumberedLine): Shown {
    const div = document.createElement("div");
    div.className = "pb-line";
    const match = this.#traceback.exec(line.text);
    const link = match?.[1]
      ? { start: match.index, end: match.index + match[0].length, line: Number(match[1]) }
      : null;
    appendLine(div, line, link, (lineNo) => {
      this.#onLine(lineNo);
    });
    return { row, end: row + rows, node: div };
  }
}
