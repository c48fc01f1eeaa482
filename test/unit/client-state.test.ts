/** The runner client's state table: the life cycles a reader drives, and the moves it refuses. */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  TRANSITIONS,
  nextState,
  type ClientEvent,
  type ClientState,
} from "../../src/client/client-state.ts";

function walk(start: ClientState, events: ClientEvent[]): ClientState[] {
  const seen: ClientState[] = [];
  let state = start;
  for (const event of events) {
    state = nextState(state, event);
    seen.push(state);
  }
  return seen;
}

test("first run: boot, run, answer input(), end", () => {
  assert.deepEqual(
    walk("idle", [
      "spawn",
      "booting",
      "ready",
      "started",
      "input-requested",
      "input-sent",
      "ended",
    ]),
    ["booting", "booting", "idle", "running", "awaiting-input", "running", "idle"],
  );
});

test("Stop: SIGINT, then the ending or the kill and a fresh worker", () => {
  assert.deepEqual(walk("running", ["sigint-sent", "ended"]), ["stopping", "idle"]);
  assert.deepEqual(walk("awaiting-input", ["sigint-sent", "killed", "spawn", "ready"]), [
    "stopping",
    "restarting",
    "booting",
    "idle",
  ]);
});

test("a failure is left by the next spawn or the next run", () => {
  assert.deepEqual(walk("running", ["failed", "spawn"]), ["failed", "booting"]);
  assert.deepEqual(walk("failed", ["booting", "started"]), ["booting", "running"]);
});

test("events that make no sense in a state leave it unchanged", () => {
  assert.equal(nextState("idle", "ended"), "idle");
  assert.equal(nextState("idle", "input-sent"), "idle");
  assert.equal(nextState("stopping", "input-requested"), "stopping");
  assert.equal(nextState("restarting", "started"), "restarting");
  // A late "booting" from the worker never takes a running program's state away.
  assert.equal(nextState("running", "booting"), "running");
});

test("every state can be left, and every target is a state", () => {
  const states = Object.keys(TRANSITIONS) as ClientState[];
  for (const state of states) {
    const row = Object.values(TRANSITIONS[state]);
    assert.ok(
      row.some((next) => next !== state),
      `${state} is a dead end`,
    );
    for (const next of row) assert.ok(states.includes(next), `${state} -> ${next}`);
  }
});
