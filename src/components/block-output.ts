/**
 * A block's output panel as a terminal, loaded when first needed: the terminal model and its
 * renderer come in their own script chunk (xterm.js's parser is most of it), fetched when the
 * block nears use (in view, or the pointer or focus on Run) — never with the article's page.
 * Until then the panel's measured size is kept, so the first run gets it.
 */
import type { TerminalModel, TerminalSize } from "../client/terminal-model.ts";
import type { OutputRenderer } from "./output-log.ts";
import { CLASSIC_TERMINAL } from "../runner/result.ts";

/** The loaded terminal: its model (what the program wrote) and the log it is drawn into. */
export interface Terminal {
  model: TerminalModel;
  renderer: OutputRenderer;
}

export class BlockOutput {
  readonly #log: HTMLElement;
  readonly #filename: string;
  readonly #onLine: (line: number) => void;
  #size: TerminalSize = CLASSIC_TERMINAL;
  #terminal: Promise<Terminal> | null = null;

  /** `onLine`: show this line of the snippet (a traceback line's link was followed). */
  constructor(log: HTMLElement, filename: string, onLine: (line: number) => void) {
    this.#log = log;
    this.#filename = filename;
    this.#onLine = onLine;
  }

  /** The terminal, loading its chunk on the first call. */
  load(): Promise<Terminal> {
    this.#terminal ??= Promise.all([
      import("./output-log.ts"),
      import("../client/terminal-model.ts"),
    ]).then(([{ OutputRenderer }, { TerminalModel }]) => {
      const model: TerminalModel = new TerminalModel(() => {
        renderer.schedule();
      }, this.#size);
      const renderer = new OutputRenderer(this.#log, model, this.#filename, this.#onLine);
      return { model, renderer };
    });
    return this.#terminal;
  }

  /** The panel's size in cells (from `terminal-size.ts`): the next run's terminal size. */
  resize(size: TerminalSize): void {
    this.#size = size;
    void this.#terminal?.then(({ model }) => {
      model.resize(size);
    });
  }

  /** What the reader typed for `input()`, echoed as a terminal does. */
  echoInput(text: string): void {
    void this.#terminal?.then(({ model }) => {
      model.echoInput(text);
    });
  }
}
