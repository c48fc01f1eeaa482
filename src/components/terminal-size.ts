/**
 * How many columns the output panel holds, measured without forcing a layout: a zero-height
 * probe styled as the panel's text area (its width less a scrollbar) holding 100 character cells,
 * both watched by a ResizeObserver. The program's terminal gets this size when it starts (as
 * `os.get_terminal_size()`), and the shown output reflows when it changes.
 */
import type { TerminalSize } from "../client/terminal-model.ts";

const CELLS = 100;
/** A terminal window's usual height: the panel scrolls, so rows only bound cursor moves. */
const ROWS = 24;

/** The probe to place in the block (always rendered, even while the panel is hidden). */
export function terminalProbe(onSize: (size: TerminalSize) => void): HTMLElement {
  const probe = document.createElement("div");
  probe.className = "pb-measure";
  probe.setAttribute("aria-hidden", "true");
  const cells = document.createElement("span");
  cells.textContent = "0".repeat(CELLS);
  probe.append(cells);
  let width = 0;
  let cellsWidth = 0;
  let columns = 0;
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const size = entry.contentBoxSize[0]?.inlineSize ?? 0;
      if (entry.target === probe) width = size;
      else cellsWidth = size;
    }
    if (!width || !cellsWidth) return;
    const fit = Math.max(20, Math.floor((width + 0.01) / (cellsWidth / CELLS)));
    if (fit === columns) return;
    columns = fit;
    onSize({ columns, rows: ROWS });
  });
  observer.observe(probe);
  observer.observe(cells);
  return probe;
}
