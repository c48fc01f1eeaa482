/**
 * Turns the raw bytes Pyodide writes to fd 1 and 2 into text as it arrives. A UTF-8 character
 * split across two writes is held back until complete, so streaming never garbles Unicode.
 */
import type { Stream } from "./result.ts";

/** Receives decoded text for one stream, in order, as soon as it is complete. */
export type OutputSink = (stream: Stream, text: string) => void;

/** One streaming decoder per stream; `end()` emits any incomplete trailing bytes at the end. */
export class OutputDecoder {
  readonly #sink: OutputSink;
  readonly #decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  constructor(sink: OutputSink) {
    this.#sink = sink;
  }

  /** Decodes a chunk written to `stream`; returns its byte length, as Pyodide's writer expects. */
  write(stream: Stream, bytes: Uint8Array): number {
    const text = this.#decoders[stream].decode(bytes, { stream: true });
    if (text) this.#sink(stream, text);
    return bytes.length;
  }

  /** Emits whatever is still buffered (a truncated character becomes U+FFFD, as a terminal shows). */
  end(): void {
    for (const stream of ["stdout", "stderr"] as const) {
      const text = this.#decoders[stream].decode();
      if (text) this.#sink(stream, text);
    }
  }
}
