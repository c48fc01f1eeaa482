/**
 * Runs `work` once the next frame has been painted: what the reader must see now (an ending,
 * output) is drawn first, and work that can wait a frame (booting a spare, decorating the editor)
 * never delays it.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => {
    setTimeout(work, 0);
  });
}
