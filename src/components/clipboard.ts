/** Copy and Share link: writes text to the clipboard and says so on the button for 1.5 s. */

/** Copies `text`; the button reads `done` (or "Copy failed") for a moment. */
export async function copyWithFeedback(
  text: string,
  target: HTMLButtonElement,
  done: string,
): Promise<void> {
  const before = target.textContent;
  try {
    await navigator.clipboard.writeText(text);
    target.textContent = done;
  } catch {
    target.textContent = "Copy failed";
  }
  setTimeout(() => {
    target.textContent = before;
  }, 1500);
}
