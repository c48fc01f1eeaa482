/**
 * The CLI meets its streams as python3 does: Ctrl+C in its terminal (a SIGINT to the command)
 * reaches the program as KeyboardInterrupt, and a pipe block-buffers what a terminal would show.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cli = new URL("../../src/cli/snippet.ts", import.meta.url).pathname;

/** Runs the CLI on `source` piped; `onStdout` sees each chunk with the child. */
function run(
  source: string,
  onStdout: (text: string, pid: number) => void = () => undefined,
): Promise<{ stdout: string; stderr: string; status: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), "cli-terminal-"));
  const file = join(dir, "snippet.py");
  writeFileSync(file, source);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "PYTHONUNBUFFERED"),
  );
  const child = spawn(process.execPath, [cli, file], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    if (child.pid !== undefined) onStdout(text, child.pid);
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  return new Promise((resolve) => {
    child.on("close", (status) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ stdout, stderr, status });
    });
  });
}

test("SIGINT to the command is a KeyboardInterrupt in the program, status 130", async () => {
  const ran = await run('print("looping", flush=True)\nwhile True:\n    pass\n', (_, pid) => {
    process.kill(pid, "SIGINT");
  });
  assert.equal(ran.stdout, "looping\n", JSON.stringify(ran));
  assert.match(ran.stderr, /^Traceback[\s\S]*\nKeyboardInterrupt\n$/, JSON.stringify(ran));
  assert.equal(ran.status, 130);
});

test("into a pipe, os._exit loses a complete line still in the buffer; a flush keeps it", async () => {
  const lost = await run('print("lost")\nimport os\nos._exit(0)\n');
  assert.equal(lost.stdout, "");
  assert.equal(lost.status, 0);
  const kept = await run('print("kept", flush=True)\nimport os\nos._exit(0)\n');
  assert.equal(kept.stdout, "kept\n");
});
