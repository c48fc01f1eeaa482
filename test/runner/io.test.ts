/** Streams, stdin, script identity and isolation between runs. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { FILE, run, stdinOf } from "../helpers/runner.ts";

test("__name__ is __main__ and sys.argv is [filename]", async () => {
  const { stdout } = await run("import sys\nprint(__name__, sys.argv, __file__)");
  assert.equal(stdout, `__main__ ['${FILE}'] ${FILE}\n`);
});

test("stdout and stderr are separate and arrive while the program runs", async () => {
  const { events, result } = await run(
    "import sys, time\nprint('first')\nprint('oops', file=sys.stderr)\ntime.sleep(0.3)\nprint('last')",
  );
  // Under -u, print() writes the text and the newline separately; merge runs of one stream.
  const merged: [string, string][] = [];
  for (const e of events) {
    const last = merged.at(-1);
    if (last && last[0] === e.stream) last[1] += e.text;
    else merged.push([e.stream, e.text]);
  }
  assert.deepEqual(merged, [
    ["stdout", "first\n"],
    ["stderr", "oops\n"],
    ["stdout", "last\n"],
  ]);
  const first = events[0];
  assert.ok(first && first.atMs < 200, `first output after ${String(first?.atMs)} ms`);
  assert.ok(result.durationMs >= 300);
});

test("a partial last line is delivered and Unicode split across writes survives", async () => {
  const { stdout } = await run(
    "import sys\nsys.stdout.buffer.write(b'\\xe2')\nsys.stdout.buffer.write(b'\\x9c\\x93 ')\nprint('héllo 🐍 中文', end='')",
  );
  assert.equal(stdout, "✓ héllo 🐍 中文");
});

test("input() with no stdin raises EOFError as with </dev/null", async () => {
  const { result, stdout, stderr } = await run("name = input('name? ')");
  assert.equal(stdout, "name? ");
  assert.match(stderr, /EOFError: EOF when reading a line\n$/);
  assert.equal(result.outcome, "exception");
});

test("input() reads lines from a stdin provider", async () => {
  const { stdout } = await run("a = input()\nb = input()\nprint(a.upper(), b[::-1])", {
    stdin: stdinOf("first line\nsecond\n"),
  });
  assert.equal(stdout, "FIRST LINE dnoces\n");
});

test("nothing leaks between runs: globals, modules, atexit, signal handlers", async () => {
  await run(
    "import atexit, signal, json\nleaked = 1\njson.leaked = 2\natexit.register(print, 'old handler')\nsignal.signal(signal.SIGINT, signal.SIG_IGN)",
  );
  const { stdout } = await run(
    "import json, signal\nprint('leaked' in globals(), hasattr(json, 'leaked'))\nprint(signal.getsignal(signal.SIGINT) is signal.default_int_handler)",
  );
  assert.equal(stdout, "False False\nTrue\n");
});

test("large output arrives complete", async () => {
  const { stdout } = await run("for i in range(20000):\n    print(i)");
  const lines = stdout.split("\n");
  assert.equal(lines.length, 20001);
  assert.equal(lines[19999], "19999");
});

test("each stream is a terminal or not on its own, as CPython decides per stream", async () => {
  const source =
    "import os, sys\nprint(sys.stdin.isatty(), sys.stdout.isatty(), sys.stderr.isatty())\nprint(os.get_terminal_size(1).columns)\ntry:\n    os.get_terminal_size(2)\nexcept OSError:\n    print('no size on stderr')\nraise ValueError('boom')\n";
  const size = { columns: 100, rows: 30 };
  const env = { vars: { TERM: "xterm-256color" }, only: false };
  // `python3 f.py 2>err.txt` in a terminal: stdout line-buffered and sized, the traceback plain.
  const split = await run(source, {
    stdio: { terminal: { stdin: true, stdout: true, stderr: false }, unbuffered: false, size, env },
  });
  assert.equal(split.stdout, "True True False\n100\nno size on stderr\n");
  assert.ok(!split.stderr.includes("\x1b["), JSON.stringify(split.stderr));
  assert.match(split.stderr, /\nValueError: boom\n$/);
  // All three on the terminal: CPython colours the traceback.
  const all = await run(source, {
    stdio: { terminal: { stdin: true, stdout: true, stderr: true }, unbuffered: false, size, env },
  });
  assert.equal(all.stdout, "True True True\n100\n");
  assert.ok(all.stderr.includes("\x1b[1;35mValueError\x1b[0m"), JSON.stringify(all.stderr));
});
