/**
 * A long session (#26): 80 mixed runs on one playground page — prints, sys.exit, exceptions,
 * os._exit, loops stopped, a 50 MB allocation, input() — each ending right, and the page does
 * not grow: at most 3 live workers at the end, DOM nodes and memory after 80 runs within 1.25×
 * of after 14.
 *
 * The code changes as a playground link opened in the same tab changes it (the fragment), not by
 * typing: every native edit of a contenteditable keeps a Blink UndoStep holding the nodes it
 * replaced (up to 1000 steps), which is the browser's memory and not the block's (measured: 24
 * detached CodeMirror line nodes per typed edit, all retained by blink::UndoStack; runs without
 * edits keep the count flat).
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { ending, log, playground, runButton, stopButton } from "./blocks.ts";

interface Program {
  source: string;
  outcome: string;
  status: string;
  /** Stop this long after the run starts (a loop that never ends on its own). */
  stopAfterMs?: number;
  /** Text the log must hold once it ended. */
  shows?: string;
}

const PROGRAMS: Program[] = [
  {
    source: 'for i in range(40):\n    print("line", i)\n',
    outcome: "exit",
    status: "0",
    shows: "line 39",
  },
  {
    source: 'import sys\nprint("x")\nsys.exit("bye")\n',
    outcome: "exit",
    status: "1",
    shows: "bye",
  },
  {
    source: 'def f():\n    raise ValueError("v")\ntry:\n    f()\nfinally:\n    print("cleanup")\n',
    outcome: "exception",
    status: "1",
    shows: "ValueError: v",
  },
  { source: 'import os\nprint("a", flush=True)\nos._exit(4)\n', outcome: "exit", status: "4" },
  {
    source: "import time\nwhile True:\n    time.sleep(0.01)\n",
    outcome: "interrupt",
    status: "130",
    stopAfterMs: 150,
    shows: "KeyboardInterrupt",
  },
  {
    source: "x = bytearray(50_000_000)\nprint(len(x))\n",
    outcome: "exit",
    status: "0",
    shows: "50000000",
  },
  {
    source: "n = 0\nwhile True:\n    n += 1\n",
    outcome: "interrupt",
    status: "130",
    stopAfterMs: 400,
    shows: "KeyboardInterrupt",
  },
  { source: "raise SystemExit(3)\n", outcome: "exit", status: "3" },
];

/** DOM nodes (CDP's count, after a full GC) and the page's memory, its workers included. */
async function footprint(page: Page): Promise<{ nodes: number; bytes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { nodes } = await cdp.send("Memory.getDOMCounters");
  await cdp.detach();
  const bytes = await page.evaluate(async () => {
    const measure = (
      performance as Performance & {
        measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
      }
    ).measureUserAgentSpecificMemory;
    if (!measure) throw new Error("measureUserAgentSpecificMemory is not offered here");
    return (await measure.call(performance)).bytes;
  });
  return { nodes, bytes };
}

test("80 mixed runs on one page: every ending right, and the page does not grow", async ({
  page,
  problems,
}) => {
  // 80 runs, each with a fresh interpreter booted behind it; on a busy 2-core machine ~3 s each.
  test.setTimeout(600_000);
  const block = await playground(page, PROGRAMS[0]?.source ?? "");
  let after14: { nodes: number; bytes: number } | null = null;
  for (let run = 1; run <= 80; run++) {
    const program = PROGRAMS[(run - 1) % PROGRAMS.length];
    if (!program) throw new Error("no program");
    // A new link in the same tab: the fragment changes, the editor takes the code.
    await page.evaluate((source) => {
      location.hash = `code=${encodeURIComponent(source)}`;
    }, program.source);
    await expect(block.getByRole("textbox", { name: /editable code/ })).toContainText(
      program.source.split("\n")[0] ?? "",
    );
    await runButton(block).click();
    if (program.stopAfterMs !== undefined) {
      await expect(block).toHaveAttribute("data-state", "running");
      await page.waitForTimeout(program.stopAfterMs);
      await stopButton(block).click();
    }
    await expect(block).toHaveAttribute("data-state", "done");
    const status = ending(block);
    await expect(status, `run ${String(run)}`).toHaveAttribute("data-outcome", program.outcome);
    await expect(status, `run ${String(run)}`).toHaveAttribute("data-exit-code", program.status);
    if (program.shows) await expect(log(block)).toContainText(program.shows);
    if (run === 14 || run === 80) {
      // Measured with the next interpreter booted, as after every run a reader waits.
      await expect(page.locator("html")).toHaveAttribute("data-runner-state", "idle");
      const now = await footprint(page);
      if (run === 14) after14 = now;
      else if (after14) {
        expect(
          now.nodes,
          `DOM nodes ${String(after14.nodes)} → ${String(now.nodes)}`,
        ).toBeLessThanOrEqual(after14.nodes * 1.25);
        expect(
          now.bytes,
          `memory ${String(after14.bytes)} → ${String(now.bytes)}`,
        ).toBeLessThanOrEqual(after14.bytes * 1.25);
      }
    }
  }
  expect(after14).not.toBeNull();
  expect(page.workers().length).toBeLessThanOrEqual(3);
  expect(problems).toEqual([]);
});
