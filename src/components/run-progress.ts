/**
 * What a block says while its run is not yet running or not yet over: waiting its turn, loading
 * Python, waiting for `input()`, being stopped. The parts of a run's listener that only touch the
 * block's activity line, input field and Stop button.
 */
import type { RunListener } from "../client/runner-client.ts";
import { inputEofNote } from "../client/page-limits.ts";
import { RUNTIME_SIZE } from "../delivery/data-saver.ts";
import { downloadText, onDownloadProgress } from "../delivery/download-progress.ts";
import type { ActivityLine, OutputPanel, Toolbar } from "./block-parts.ts";
import type { Ending } from "./ending-view.ts";

/** The block parts a run's progress shows in. */
interface ProgressParts {
  toolbar: Toolbar;
  output: OutputPanel;
  activity: ActivityLine;
  ending: Ending;
}

/** What the activity line says while Stop's SIGINT has not ended the program (`deadline`: the kill). */
function stoppingText(deadline: number): string {
  const seconds = Math.max(0, Math.round((deadline - performance.now()) / 100) / 10);
  return `Stop: sent KeyboardInterrupt (SIGINT)… if the program ignores it, it is terminated in ${String(seconds)} s.`;
}

/** Shows the download on `activity` while the block is loading; stops when it is not. */
function showDownload(activity: ActivityLine): void {
  const stop = onDownloadProgress((progress) => {
    if (!activity.loading) {
      stop();
      return;
    }
    if (progress.done) {
      activity.set(downloadText(progress), true);
      stop();
    } else activity.measured(downloadText(progress), progress.loaded, progress.total);
  });
}

export function progressListener(
  ui: ProgressParts,
): Pick<RunListener, "queued" | "loading" | "inputRequested" | "inputEof" | "stopping"> {
  return {
    queued: () => {
      ui.activity.set("Waiting for another example on this page to finish…");
    },
    loading: () => {
      ui.activity.set(`Loading Python (${RUNTIME_SIZE}, once per visit)…`, true);
      showDownload(ui.activity);
    },
    inputRequested: () => {
      ui.output.inputForm.hidden = false;
      ui.activity.set("The program is waiting for input.");
      ui.output.input.focus();
    },
    inputEof: () => {
      ui.ending.note(inputEofNote());
    },
    stopping: (deadline) => {
      ui.output.inputForm.hidden = true;
      ui.toolbar.stop.textContent = "Stop now (force)";
      ui.activity.set(stoppingText(deadline));
    },
  };
}
