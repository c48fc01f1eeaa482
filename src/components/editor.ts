/**
 * The code editor: CodeMirror 6 with Python highlighting through CSS classes (`tok-*`), coloured
 * by `--tok-*` properties that `CodePalette.astro` resolves from the very Shiki themes the static
 * code is highlighted with. Loaded on demand, once a
 * block is upgraded. Tab is left to the page (keyboard users can leave); Esc calls `onEscape`.
 */
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  drawSelection,
  keymap,
  lineNumbers,
  type DecorationSet,
} from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { interruptGutter, interruptLine } from "./interrupt-gutter.ts";

/** What a block needs from its editor. */
export interface CodeEditor {
  readonly view: EditorView;
  getValue(): string;
  setValue(text: string): void;
  /** Marks the line a run halted on (null clears it). */
  markLine(line: number | null): void;
  /** Puts the cursor on a line and scrolls it into view. */
  focusLine(line: number): void;
  /** Some of the code is selected. */
  hasSelection(): boolean;
  /** The line marked "Interrupt at line N", if any. */
  interruptLine(): number | null;
}

const setHalt = StateEffect.define<number | null>();
const haltLine = Decoration.line({ class: "pb-halt-line", attributes: { "data-halted": "true" } });

const haltField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setHalt)) continue;
      const line = effect.value;
      next =
        line !== null && line >= 1 && line <= tr.state.doc.lines
          ? Decoration.set([haltLine.range(tr.state.doc.line(line).from)])
          : Decoration.none;
    }
    if (tr.docChanged) next = Decoration.none;
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Creates an editor in `parent` holding `doc`. */
export function createEditor(
  parent: HTMLElement,
  doc: string,
  options: { label: string; onRun: () => void; onEscape: () => boolean },
): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        interruptGutter(),
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        python(),
        syntaxHighlighting(classHighlighter),
        haltField,
        EditorState.tabSize.of(4),
        // Wrapped lines: no horizontal scrolling region, readable down to 360 px.
        EditorView.lineWrapping,
        keymap.of([
          { key: "Mod-Enter", run: () => (options.onRun(), true), preventDefault: true },
          { key: "Escape", run: () => options.onEscape() },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ "aria-label": options.label, "aria-multiline": "true" }),
      ],
    }),
  });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    markLine(line) {
      // Nothing to clear: no transaction (each one reads the DOM selection, a forced layout).
      if (line === null && view.state.field(haltField).size === 0) return;
      view.dispatch({ effects: setHalt.of(line) });
    },
    hasSelection() {
      return !view.state.selection.main.empty;
    },
    interruptLine: () => interruptLine(view),
    focusLine(line) {
      if (line < 1 || line > view.state.doc.lines) return;
      const pos = view.state.doc.line(line).from;
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
  };
}
