/**
 * Output without shared memory: the worker is busy while Python runs, so output is coalesced into
 * messages, at most one per 16 ms while the program writes (and whatever is left at its end).
 */
import type { Stream } from "../runner/result.ts";

/** Without shared memory: coalesce output into messages, at most one per 16 ms while writing. */
export function messageOutput(post: (stream: Stream, text: string) => void): {
  write: (stream: Stream, text: string) => void;
  send: () => void;
} {
  let stream: Stream | null = null;
  let text = "";
  let last = 0;
  const send = (): void => {
    if (stream !== null && text) post(stream, text);
    stream = null;
    text = "";
    last = performance.now();
  };
  return {
    write(s, t) {
      if (stream !== null && stream !== s) send();
      stream = s;
      text += t;
      if (performance.now() - last >= 16 || text.length > 65536) send();
    },
    send,
  };
}
