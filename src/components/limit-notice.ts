/**
 * The notes a block shows before it runs: on a page that cannot share memory with its workers,
 * what is missing here and what the reader loses (see `page-limits.ts`); when the reader saves
 * data, that Python downloads only on Run (`data-saver.ts`). None on an ordinary page.
 */
import { limitNotice, missingCapability } from "../client/page-limits.ts";
import { RUNTIME_SIZE, savingData } from "../delivery/data-saver.ts";
import { NO_SERVICE_WORKER_EVENT } from "../delivery/site-worker.ts";

function noteElement(): HTMLParagraphElement {
  const note = document.createElement("p");
  note.className = "pb-limit";
  note.setAttribute("role", "note");
  return note;
}

/** The notes to add under the block's toolbar: none, or `role="note"` paragraphs. */
export function limitNotes(): HTMLElement[] {
  const notes: HTMLElement[] = [];
  if (savingData()) {
    const note = noteElement();
    note.dataset["saving"] = "";
    note.textContent = `Saving data: Python (${RUNTIME_SIZE}) downloads only when you press Run, once per visit.`;
    notes.push(note);
  }
  const missing = missingCapability();
  if (!missing) return notes;
  const note = noteElement();
  const show = (): void => {
    const now = missingCapability() ?? missing;
    note.dataset["missing"] = now;
    note.textContent = limitNotice(now);
  };
  show();
  // A blocked service worker is learnt after the block is drawn.
  addEventListener(NO_SERVICE_WORKER_EVENT, show, { once: true });
  return [...notes, note];
}
