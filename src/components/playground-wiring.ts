/**
 * The playground's block and its link: Share link copies a link that carries the code
 * (`#code=…`), and a new link opened in the same tab (only the fragment changes, so the page does
 * not reload) replaces the code in the editor — it is not run until the reader presses Run.
 */
import { playgroundCode, shareLink } from "../client/playground-link.ts";
import { copyWithFeedback } from "./clipboard.ts";

export function wirePlayground(
  share: HTMLButtonElement,
  source: () => string,
  load: (code: string) => void,
): void {
  share.addEventListener("click", () => {
    void copyWithFeedback(shareLink(location.href, source()), share, "Link copied");
  });
  addEventListener("hashchange", () => {
    const code = playgroundCode(location.hash);
    if (code !== null && share.isConnected) load(code);
  });
}
