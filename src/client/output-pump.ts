/**
 * When the page drains a run's output ring (`output-ring.ts`): once per animation frame while a
 * program runs, and at once when text lands in an empty ring between frames — a program's first
 * output (or its first after a pause) shows without waiting for a frame, while a flood is still
 * drained once a frame.
 */
import type { Drained, OutputRingReader } from "../channels/output-ring.ts";
import type { Stream } from "../runner/result.ts";

/** Text that came as a message (without shared memory), as if drained from the ring. */
export const drainedText = (stream: Stream, text: string): Drained => ({
  chunks: [{ stream, text }],
  dropped: 0,
  skippedLines: 0,
});

export class OutputPump {
  readonly #ring: () => OutputRingReader | null;
  readonly #drain: () => void;
  #frame: number | null = null;
  /** The ring whose next write is awaited between frames. */
  #waitingOn: OutputRingReader | null = null;

  /** `ring`: the running program's ring, or null when none runs; `drain` takes what is in it. */
  constructor(ring: () => OutputRingReader | null, drain: () => void) {
    this.#ring = ring;
    this.#drain = drain;
  }

  /** Starts draining (a no-op while it already does); it stops by itself when no program runs. */
  start(): void {
    if (this.#frame !== null) return;
    const tick = (): void => {
      if (!this.#ring()) {
        this.#frame = null;
        return;
      }
      this.#drain();
      this.#frame = requestAnimationFrame(tick);
      this.#whenWritten();
    };
    this.#frame = requestAnimationFrame(tick);
    this.#whenWritten();
  }

  #whenWritten(): void {
    const ring = this.#ring();
    if (!ring || this.#waitingOn === ring) return;
    const written = ring.written(1000);
    if (!written) return;
    this.#waitingOn = ring;
    void written.then(() => {
      if (this.#waitingOn === ring) this.#waitingOn = null;
      if (this.#ring() === ring) this.#drain();
    });
  }
}
