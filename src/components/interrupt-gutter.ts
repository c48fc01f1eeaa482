/**
 * "Ctrl+C at a line": a gutter beside the line numbers with one button per line, "Interrupt at
 * line N" (`aria-pressed`). Pressing one marks its line (and unmarks any other): the next Run
 * delivers SIGINT when that line is about to run, the first time. One tab stop for the whole
 * gutter (the marked line's button, else line 1's); Up and Down move between lines.
 */
import { MapMode, StateEffect, StateField, type Extension } from "@codemirror/state";
import { EditorView, GutterMarker, ViewPlugin, gutter } from "@codemirror/view";

const toggle = StateEffect.define<number>();

/**
 * Where the marked line starts (a position, so it moves with edits), or null. Deleting the text
 * around it (its line, or the whole code on Reset) removes the mark: it never jumps elsewhere.
 */
const marked = StateField.define<number | null>({
  create: () => null,
  update(at, tr) {
    let next = at === null ? null : tr.changes.mapPos(at, 1, MapMode.TrackDel);
    for (const effect of tr.effects) {
      if (!effect.is(toggle)) continue;
      const from = tr.state.doc.line(effect.value).from;
      next = next !== null && tr.state.doc.lineAt(next).from === from ? null : from;
    }
    return next;
  },
});

/** The marked line's number in `view`, or null. */
export function interruptLine(view: EditorView): number | null {
  const at = view.state.field(marked, false);
  return at === null || at === undefined ? null : view.state.doc.lineAt(at).number;
}

class LineButton extends GutterMarker {
  constructor(
    readonly line: number,
    readonly pressed: boolean,
    readonly tabStop: boolean,
  ) {
    super();
  }

  override eq(other: LineButton): boolean {
    return (
      other.line === this.line && other.pressed === this.pressed && other.tabStop === this.tabStop
    );
  }

  override toDOM(view: EditorView): Node {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "pb-int-mark";
    button.dataset["line"] = String(this.line);
    button.tabIndex = this.tabStop ? 0 : -1;
    button.setAttribute("aria-label", `Interrupt at line ${String(this.line)}`);
    button.setAttribute("aria-pressed", String(this.pressed));
    button.title = this.pressed
      ? `SIGINT will be delivered when line ${String(this.line)} starts (press to remove)`
      : `Deliver SIGINT (Ctrl+C) when line ${String(this.line)} starts`;
    button.addEventListener("click", () => {
      view.dispatch({ effects: toggle.of(this.line) });
      view.dom
        .querySelector<HTMLElement>(`.pb-int-mark[data-line="${String(this.line)}"]`)
        ?.focus();
    });
    button.addEventListener("keydown", (event) => {
      const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      view.dom
        .querySelector<HTMLElement>(`.pb-int-mark[data-line="${String(this.line + step)}"]`)
        ?.focus();
    });
    return button;
  }
}

/**
 * CodeMirror hides its whole gutter column from assistive technology (line numbers are noise);
 * this gutter's buttons must be reachable, so only the other gutters stay hidden, and this one is
 * a named group.
 */
function unhide(view: EditorView): void {
  const gutters = view.scrollDOM.querySelector(".cm-gutters");
  if (!gutters?.hasAttribute("aria-hidden")) return;
  gutters.removeAttribute("aria-hidden");
  for (const each of gutters.querySelectorAll(".cm-gutter")) {
    if (!each.classList.contains("pb-int-gutter")) each.setAttribute("aria-hidden", "true");
    else {
      each.setAttribute("role", "group");
      each.setAttribute("aria-label", "Interrupt at a line");
    }
  }
}

const reachable = ViewPlugin.define((view) => {
  unhide(view);
  return {
    update: (update) => {
      unhide(update.view);
    },
  };
});

/** The gutter and the field holding the marked line. */
export function interruptGutter(): Extension {
  return [
    marked,
    gutter({
      class: "pb-int-gutter",
      lineMarker(view, block) {
        const line = view.state.doc.lineAt(block.from).number;
        const pressed = interruptLine(view);
        return new LineButton(line, pressed === line, (pressed ?? 1) === line);
      },
      lineMarkerChange: (update) =>
        update.docChanged ||
        update.transactions.some((tr) => tr.effects.some((effect) => effect.is(toggle))),
      initialSpacer: () => new LineButton(1, false, false),
    }),
    reachable, // after the gutter, whose plugin makes the gutters' DOM
  ];
}
