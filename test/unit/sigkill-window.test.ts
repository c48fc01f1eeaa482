/**
 * SIGKILL's answer window: a driver that has not started its handler is terminated soon; one that
 * has started (the delivered count moved) gets the time to note what never ran.
 */
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import {
  KILL_ACCOUNT_MS,
  KILL_ANSWER_MS,
  SIGINT_RETRY_MS,
  clearInterrupt,
  createInterruptBuffer,
  interruptReceiver,
  sendSigkill,
} from "../../src/channels/interrupt.ts";

function killed(t: TestContext) {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const buffer = createInterruptBuffer();
  let running = true;
  let terminated = 0;
  sendSigkill(
    buffer,
    () => running,
    () => {
      terminated += 1;
    },
  );
  return {
    buffer,
    driver: interruptReceiver(buffer),
    terminated: () => terminated,
    end: () => {
      running = false;
    },
  };
}

test("a driver that never answers SIGKILL is terminated after the answer window", (t) => {
  const run = killed(t);
  t.mock.timers.tick(KILL_ANSWER_MS - 1);
  assert.equal(run.terminated(), 0);
  t.mock.timers.tick(1);
  assert.equal(run.terminated(), 1);
  t.mock.timers.tick(KILL_ACCOUNT_MS);
  assert.equal(run.terminated(), 1, "terminated once");
});

test("a driver whose handler started gets the accounting window, then is terminated", (t) => {
  const run = killed(t);
  assert.deepEqual(run.driver.take(), [9]);
  run.driver.delivered();
  t.mock.timers.tick(KILL_ANSWER_MS); // mock timers date a timer set in a tick from its end
  t.mock.timers.tick(KILL_ACCOUNT_MS - KILL_ANSWER_MS - 1);
  assert.equal(run.terminated(), 0, "not while it notes what never ran");
  t.mock.timers.tick(1);
  assert.equal(run.terminated(), 1);
});

test("a driver that ends the run itself is never terminated", (t) => {
  const run = killed(t);
  run.driver.delivered();
  t.mock.timers.tick(KILL_ANSWER_MS + 10);
  run.end();
  t.mock.timers.tick(KILL_ACCOUNT_MS);
  assert.equal(run.terminated(), 0);
});

test("a SIGKILL the runtime took without running the handler is written again", (t) => {
  const run = killed(t);
  // The interrupt slot consumed, the handler never started (the race SIGINT retries for too);
  // the signal's own bit is still pending for the driver.
  Atomics.store(run.buffer, 0, 0);
  t.mock.timers.tick(SIGINT_RETRY_MS);
  assert.equal(run.driver.pending(), true, "the slot is written again");
  assert.deepEqual(run.driver.take(), [9]);
  run.driver.delivered();
  t.mock.timers.tick(KILL_ACCOUNT_MS - 1);
  assert.equal(run.terminated(), 0, "it answered in time: not terminated");
  clearInterrupt(run.buffer);
});
