/**
 * What a corpus snippet asks of a run, on its first lines: `# parity: interrupt-after=MS` (Ctrl+C
 * that long after the start) and `# parity: send=TERM@300,KILL@900` (signals, as `kill -SIG`
 * sends them). Both runs get the same signals at the same times: CPython from outside, the CLI
 * with `--interrupt-after` and `--send`.
 */
export interface Sent {
  /** `INT`, `TERM` or `KILL`. */
  name: string;
  afterMs: number;
}

/** The signals `text` asks for, in time order (Ctrl+C as `INT`). */
export function signalsOf(text: string): Sent[] {
  const sent: Sent[] = [];
  const after = /^# parity: interrupt-after=(\d+)/m.exec(text)?.[1];
  if (after !== undefined) sent.push({ name: "INT", afterMs: Number(after) });
  const list = /^# parity: send=(\S+)/m.exec(text)?.[1];
  for (const item of list ? list.split(",") : []) {
    const [name, ms] = item.split("@");
    if (!name || !/^(INT|TERM|KILL)$/.test(name) || !Number.isFinite(Number(ms)))
      throw new Error(`bad send= item ${item}: use INT, TERM or KILL, then @MS`);
    sent.push({ name, afterMs: Number(ms) });
  }
  return sent.sort((a, b) => a.afterMs - b.afterMs);
}

/** The CLI's flags for `sent`. */
export const cliFlags = (sent: Sent[]): string[] =>
  sent.flatMap((s) =>
    s.name === "INT"
      ? ["--interrupt-after", String(s.afterMs)]
      : ["--send", `${s.name}@${String(s.afterMs)}`],
  );

/** `runProcess`'s `sends` for `sent` (to the process group, as a shell's `kill` would). */
export const processSends = (sent: Sent[]): { signal: NodeJS.Signals; afterMs: number }[] =>
  sent.map((s) => ({ signal: `SIG${s.name}` as NodeJS.Signals, afterMs: s.afterMs }));

/** `pty_run.py`'s schedule for `sent` (`-1` for none). */
export const ptySchedule = (sent: Sent[]): string =>
  sent.length ? sent.map((s) => `${s.name}@${String(s.afterMs)}`).join(",") : "-1";
