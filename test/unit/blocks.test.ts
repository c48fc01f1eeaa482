/** Build-time and page-side pure logic of runnable blocks. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { endingOf, formatEnding, parseFenceMeta } from "../../src/docs/fence-meta.ts";
import { MAX_QUOTED, describeEnding } from "../../src/runner/ending-words.ts";
import { parseFromRunner } from "../../src/channels/validate.ts";
import { playgroundCode, shareLink } from "../../src/client/playground-link.ts";
import { wayOutItems } from "../../src/runner/way-out-words.ts";
import type { RunResult } from "../../src/runner/result.ts";

test("fence meta is read in one place; endings are spelled in expect= words", () => {
  assert.deepEqual(parseFenceMeta(' norun  expect="exit 3"  stop-after=20 '), {
    norun: true,
    expect: { outcome: "exit", exitCode: 3 },
    stopAfterMs: 20,
    errors: [],
  });
  assert.deepEqual(parseFenceMeta(undefined), {
    norun: false,
    expect: null,
    stopAfterMs: null,
    errors: [],
  });
  const declared = parseFenceMeta('expect="exception MyCustomError"').expect;
  assert.ok(declared);
  assert.equal(formatEnding(declared), "exception MyCustomError");
  const raised = {
    outcome: "exception",
    exitCode: 1,
    exception: { type: "MyCustomError", message: "x" },
    line: 5,
    interruptedAt: null,
    durationMs: 3,
  } as const;
  assert.equal(formatEnding(endingOf(raised)), formatEnding(declared));
  assert.equal(formatEnding({ outcome: "crash" }), "crash");
});

const base = { durationMs: 5, line: null, interruptedAt: null };
const words = (r: RunResult, source = "", stop = false): string =>
  describeEnding(r, source, stop)
    .map((p) => p.text)
    .join("");

test("endings are described in words a learner understands", () => {
  const src = "import sys\n\n\nsys.exit(0)\n";
  assert.equal(
    words({ ...base, outcome: "exit", exitCode: 0, cause: "SystemExit", line: 4 }, src),
    "Exited with status 0 — sys.exit(0) on line 4.",
  );
  assert.match(
    words({ ...base, outcome: "exit", exitCode: 1, cause: "os._exit", line: 1 }, "os._exit(1)"),
    /^os\._exit\(1\) on line 1: ended immediately, no cleanup ran/,
  );
  assert.equal(
    words({
      ...base,
      outcome: "exception",
      exitCode: 1,
      exception: { type: "MyCustomError", message: "Something went wrong" },
      line: 5,
    }),
    "Uncaught MyCustomError: Something went wrong — status 1, raised on line 5.",
  );
  assert.equal(
    words(
      { ...base, outcome: "exit", exitCode: 0, cause: "end", interruptedAt: { line: 3 } },
      "",
      true,
    ),
    "You pressed Stop: KeyboardInterrupt was raised on line 3 and handled by the script; exited with status 0.",
  );
  assert.match(
    words(
      {
        ...base,
        outcome: "interrupt",
        exitCode: 130,
        exception: { type: "KeyboardInterrupt", message: "" },
        line: 2,
      },
      "",
      true,
    ),
    /status 130/,
  );
  assert.match(
    words({ ...base, outcome: "killed", exitCode: 137, reason: "ignored Stop for 2 s" }),
    /^Killed: ignored Stop for 2 s — status 137\.$/,
  );
  const parts = describeEnding(
    { ...base, outcome: "exit", exitCode: 0, cause: "SystemExit", line: 4 },
    src,
    false,
  );
  assert.deepEqual(
    parts.filter((p) => p.code).map((p) => p.text),
    ["sys.exit(0)"],
  );
});

test("worker messages are validated: forged or malformed ones are dropped", () => {
  assert.ok(parseFromRunner({ type: "ready" }));
  assert.ok(
    parseFromRunner({
      type: "result",
      runId: 1,
      result: { ...base, outcome: "exit", exitCode: 0, cause: "end" },
    }),
  );
  assert.equal(
    parseFromRunner({
      type: "result",
      runId: 1,
      result: { ...base, outcome: "exit", exitCode: 999, cause: "end" },
    }),
    null,
  );
  assert.equal(parseFromRunner({ type: "result", runId: 1, result: { outcome: "exit" } }), null);
  assert.equal(parseFromRunner({ type: "output", runId: "1", stream: "stdout", text: "x" }), null);
  assert.equal(parseFromRunner({ type: "html", html: "<b>" }), null);
  assert.equal(parseFromRunner("result"), null);
  assert.equal(parseFromRunner(null), null);
});

test("playground links round-trip code through the fragment", () => {
  const source = "print('a b')\n# 100% ünïcode & more";
  const link = shareLink("http://localhost:4321/playground/", source);
  assert.ok(link.startsWith("http://localhost:4321/playground/#code="));
  assert.equal(playgroundCode(new URL(link).hash), source);
  assert.equal(playgroundCode("#code=%E0%A4%A"), null);
  assert.equal(playgroundCode("#other"), null);
});

test("an ending quotes at most MAX_QUOTED characters of a program's exception message", () => {
  const result: RunResult = {
    outcome: "exception",
    exitCode: 1,
    exception: { type: "ValueError", message: "x".repeat(5_000_000) },
    line: 1,
    interruptedAt: null,
    durationMs: 0,
  };
  const text = describeEnding(result, "raise ValueError('x' * 5_000_000)", false)
    .map((p) => p.text)
    .join("");
  assert.ok(text.length < MAX_QUOTED + 200, `${String(text.length)} characters`);
  assert.match(text, /4,999,\d{3} more characters/);
});

test("the way out of a killed run says what the kill means; every way out ends with the status", () => {
  const killed = wayOutItems({
    outcome: "killed",
    exitCode: 137,
    reason: "the program ignored Stop for 2 s, so the interpreter was terminated",
    line: null,
    interruptedAt: null,
  });
  assert.deepEqual(
    killed.map((i) => i.step),
    ["kill", "exit"],
  );
  assert.match(
    killed[0]?.parts.map((p) => p.text).join("") ?? "",
    /ignored Stop for 2 s.*no finally/,
  );
  assert.match(killed[1]?.parts.map((p) => p.text).join("") ?? "", /→ 137 \(128 \+ 9/);
  const recorded = wayOutItems({
    outcome: "exit",
    exitCode: 0,
    cause: "end",
    line: null,
    interruptedAt: null,
    wayOut: [{ step: "start", ran: true, line: null, name: "the last line finished" }],
  });
  assert.deepEqual(
    recorded.map((i) => [i.step, i.parts.map((p) => p.text).join("")]),
    [
      ["start", "the last line finished"],
      ["exit", "$ python3 snippet.py; echo $? → 0 (the program finished)"],
    ],
  );
});
