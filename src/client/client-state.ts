/**
 * The page runner's one state field, as a pure transition table: every state the client can be
 * in, every event that moves it, and nothing else. `RunnerClient` fires events; only this table
 * decides where they lead, so the whole life cycle can be read (and tested) in one place.
 */

/** Where the page's runner is in its life cycle (shown as `data-runner-state` on `<html>`). */
export type ClientState =
  "idle" | "booting" | "running" | "awaiting-input" | "stopping" | "restarting" | "failed";

/** What can happen to the runner. */
export type ClientEvent =
  /** A new worker was started (first use, or after a kill). */
  | "spawn"
  /** The worker says Pyodide is being fetched and booted. */
  | "booting"
  /** An interpreter is ready and no run is waiting for it. */
  | "ready"
  /** A program's first line is about to run. */
  | "started"
  /** The program called `input()`. */
  | "input-requested"
  /** The reader answered `input()`. */
  | "input-sent"
  /** Stop was pressed and SIGINT sent; the kill follows if the program ignores it. */
  | "sigint-sent"
  /** The program ended and its result arrived. */
  | "ended"
  /** The worker was terminated (Stop ignored or pressed twice); a new one follows. */
  | "killed"
  /** Pyodide failed to load or the worker died. */
  | "failed";

const RUN_ENDINGS = { ended: "idle", killed: "restarting", failed: "failed" } as const;

/** Every allowed move; an event missing from a state's row leaves the state as it is. */
export const TRANSITIONS: Readonly<
  Record<ClientState, Readonly<Partial<Record<ClientEvent, ClientState>>>>
> = {
  idle: {
    spawn: "booting",
    booting: "booting",
    started: "running",
    killed: "restarting",
    failed: "failed",
  },
  booting: {
    ready: "idle",
    started: "running",
    killed: "restarting",
    failed: "failed",
  },
  running: { "input-requested": "awaiting-input", "sigint-sent": "stopping", ...RUN_ENDINGS },
  "awaiting-input": { "input-sent": "running", "sigint-sent": "stopping", ...RUN_ENDINGS },
  stopping: RUN_ENDINGS,
  restarting: { spawn: "booting", ready: "idle" },
  failed: { spawn: "booting", booting: "booting", started: "running", ready: "idle" },
};

/** The state after `event`; the same state when the event does not move it. */
export function nextState(state: ClientState, event: ClientEvent): ClientState {
  return TRANSITIONS[state][event] ?? state;
}
