/**
 * The note a block shows, before it runs, on a page that cannot share memory with its workers:
 * what is missing here and what the reader loses (see `page-limits.ts`). None on a page that can.
 */
import { limitNotice, missingCapability } from "../client/page-limits.ts";
import { NO_SERVICE_WORKER_EVENT } from "../delivery/site-worker.ts";

/** The note to add under the block's toolbar: none, or one `role="note"` paragraph. */
export function limitNotes(): HTMLElement[] {
  const missing = missingCapability();
  if (!missing) return [];
  const note = document.createElement("p");
  note.className = "pb-limit";
  note.setAttribute("role", "note");
  const show = (): void => {
    const now = missingCapability() ?? missing;
    note.dataset["missing"] = now;
    note.textContent = limitNotice(now);
  };
  show();
  // A blocked service worker is learnt after the block is drawn.
  addEventListener(NO_SERVICE_WORKER_EVENT, show, { once: true });
  return [note];
}
