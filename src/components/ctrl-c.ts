/**
 * Ctrl+C in a block, as in a terminal: while its program runs and nothing in the block is
 * selected, Ctrl+C sends SIGINT (the Stop button's first step); with a selection the browser copies
 * it, as a terminal's copy does. Listed in the Stop button's `aria-keyshortcuts`.
 */
import type { RunHandle } from "../client/runner-client.ts";
import type { CodeEditor } from "./editor.ts";

/** What the block has now: its run (null when none) and its editor (null until it is ready). */
type BlockNow = () => { running: RunHandle | null; editor: CodeEditor | null };

export function stopOnCtrlC(block: HTMLElement, now: BlockNow): void {
  const selecting = (editor: CodeEditor | null): boolean => {
    if (editor?.hasSelection()) return true;
    const selection = document.getSelection();
    return !!selection && !selection.isCollapsed && block.contains(selection.anchorNode);
  };
  block.addEventListener("keydown", (event) => {
    const ctrlC = event.ctrlKey && !event.metaKey && !event.altKey && event.key === "c";
    const { running, editor } = now();
    if (!ctrlC || !running || selecting(editor)) return;
    event.preventDefault();
    running.stop();
  });
}
