/**
 * The smoke checks every engine passes: what differs between engines (shared memory, workers,
 * WebAssembly, the snapshot), not what the Chromium suite already covers in depth. Each check
 * drives the built site as a reader would and asserts how the run ended; times are measured in
 * the page (a click's own event to the ending) and reported, never asserted.
 */
import assert from "node:assert/strict";
import { playgroundPath } from "../../e2e/pages.ts";
import { sleep, waitFor, type Engine } from "./engine.ts";

/** What the page can do in this engine, as served for the check. */
export interface EngineFacts {
  /**
   * Why the page has no shared memory (the engine has no SharedArrayBuffer; or no headers and no
   * service worker), or null when it has it.
   */
  missing: "shared-array-buffer" | "service-worker" | null;
}

/** The words each missing capability is named by (src/client/page-limits.ts). */
const CAUSES = {
  "shared-array-buffer": /this browser has no SharedArrayBuffer/,
  "service-worker": /host sends no COOP\/COEP headers and no service worker can add them/,
} as const;

/** How a run ended, read off the block. */
export interface Ending {
  outcome: string;
  exitCode: string;
  status: string;
  log: string;
  /** From the Run click to the ending, in the page's clock. */
  runMs: number;
  /** From the Stop click to the ending, when Stop was clicked. */
  stopMs: number | null;
}

export const ARTICLE = ["sys-exit", "os-exit", "custom-exception", "keyboard-interrupt"] as const;

const BLOCK = "document.querySelector('[data-runnable]')";

/** Opens `url` and waits for its first block's editor. */
export async function openBlock(engine: Engine, url: string): Promise<void> {
  await engine.open(url);
  await waitFor(engine, `${BLOCK}?.dataset.editor === "ready"`, "the block's editor");
}

export const playgroundURL = (base: string, source: string): string =>
  `${base}${playgroundPath(source)}`;

/** Clicks Run; then types `input` when the program asks, or clicks Stop `stopAfterMs` after it started. */
export async function run(
  engine: Engine,
  options: { stopAfterMs?: number; input?: string } = {},
): Promise<Ending> {
  await engine.value(`(() => {
    const block = ${BLOCK};
    window.__runAt = null; window.__stopAt = null; window.__endAt = null;
    block.querySelector(".pb-run").addEventListener("click", () => { window.__runAt = performance.now(); }, { once: true });
    block.querySelector(".pb-stop").addEventListener("click", () => { window.__stopAt = performance.now(); }, { once: true });
    new MutationObserver((_, observer) => {
      if (block.dataset.state !== "done") return;
      window.__endAt = performance.now();
      observer.disconnect();
    }).observe(block, { attributes: true, attributeFilter: ["data-state"] });
    return true;
  })()`);
  await engine.click("[data-runnable] .pb-run");
  if (options.input !== undefined) {
    await waitFor(engine, `!${BLOCK}.querySelector(".pb-input").hidden`, "the input() field");
    await engine.typeLine("[data-runnable] .pb-input input", options.input);
  }
  if (options.stopAfterMs !== undefined) {
    await waitFor(engine, `${BLOCK}.dataset.state === "running"`, "the program to start");
    await sleep(options.stopAfterMs);
    await engine.click("[data-runnable] .pb-stop");
  }
  return ending(engine);
}

/** Waits for the block's ending and reads it. */
export async function ending(engine: Engine): Promise<Ending> {
  await waitFor(engine, "window.__endAt !== null", "the run's ending", 120_000);
  return engine.value<Ending>(`(() => {
    const block = ${BLOCK};
    const status = block.querySelector('[role="status"][data-outcome]');
    return {
      outcome: status.dataset.outcome, exitCode: status.dataset.exitCode ?? "",
      status: status.textContent, log: block.querySelector('[role="log"]').textContent,
      runMs: window.__endAt - window.__runAt,
      stopMs: window.__stopAt === null ? null : window.__endAt - window.__stopAt,
    };
  })()`);
}

/** The block's verified result, recorded at build time: outcome, status and output. */
async function verified(
  engine: Engine,
): Promise<{ outcome: string; exitCode: string; output: string }> {
  return engine.value(`(() => {
    const ending = document.querySelector("[data-expected] .pb-expected-ending");
    return { outcome: ending.dataset.outcome, exitCode: ending.dataset.exitCode,
      output: document.querySelector("[data-expected] .pb-expected-output")?.textContent ?? "" };
  })()`);
}

const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trimEnd())
    .filter(Boolean);

/** Stop could not interrupt: the kill, and the reason that names what is missing. */
function assertKilledFor(missing: keyof typeof CAUSES, end: Ending): void {
  assert.equal(end.outcome, "killed", end.status);
  assert.equal(end.exitCode, "137");
  assert.match(end.status, CAUSES[missing]);
  assert.match(end.status, /could not deliver KeyboardInterrupt/);
}

/** One article section: it ends as its verified record says (or, without shared memory, Stop kills). */
export async function articleSection(
  engine: Engine,
  base: string,
  section: (typeof ARTICLE)[number],
  facts: EngineFacts,
): Promise<Ending> {
  await openBlock(engine, `${base}halt-python-script/${section}/`);
  const expected = await verified(engine);
  const end = await run(engine, section === "keyboard-interrupt" ? { stopAfterMs: 500 } : {});
  if (section === "keyboard-interrupt" && facts.missing) {
    assertKilledFor(facts.missing, end);
  } else {
    assert.equal(end.outcome, expected.outcome, end.status);
    assert.equal(end.exitCode, expected.exitCode, end.status);
    assert.deepEqual(lines(end.log).slice(-lines(expected.output).length), lines(expected.output));
  }
  assert.equal(await engine.value("document.documentElement.dataset.runnerBoot"), "snapshot");
  return end;
}

/** Stop on a running program (a busy loop, or `time.sleep`): KeyboardInterrupt, or the kill. */
export async function stopProgram(
  engine: Engine,
  base: string,
  source: string,
  facts: EngineFacts,
): Promise<Ending> {
  await openBlock(engine, playgroundURL(base, source));
  const end = await run(engine, { stopAfterMs: 300 });
  if (facts.missing) {
    assertKilledFor(facts.missing, end);
  } else {
    assert.equal(end.outcome, "interrupt", end.status);
    assert.equal(end.exitCode, "130");
    assert.match(end.log, /KeyboardInterrupt/);
  }
  return end;
}

/** `input()`: the reader's line reaches the program, or end of file and the reason. */
export async function readInput(engine: Engine, base: string, facts: EngineFacts): Promise<Ending> {
  await openBlock(engine, playgroundURL(base, 'name = input("Name? ")\nprint("Hello,", name)\n'));
  if (facts.missing) {
    const end = await run(engine);
    assert.equal(end.outcome, "exception", end.status);
    assert.match(end.status, /EOFError/);
    assert.match(end.status, /input\(\) read end of file/);
    assert.match(end.status, CAUSES[facts.missing]);
    return end;
  }
  const end = await run(engine, { input: "Ada" });
  assert.equal(end.exitCode, "0", end.status);
  assert.match(end.log, /Hello, Ada/);
  return end;
}

/** A playground link: its code is in the editor, and it runs. */
export async function playgroundLink(engine: Engine, base: string): Promise<Ending> {
  await openBlock(engine, playgroundURL(base, "import sys\nprint('from the link')\nsys.exit(3)\n"));
  const code = await engine.value<string>(`${BLOCK}.querySelector(".cm-content").textContent`);
  assert.match(code, /print\('from the link'\)/);
  const end = await run(engine);
  assert.equal(end.outcome, "exit", end.status);
  assert.equal(end.exitCode, "3");
  assert.match(end.log, /from the link/);
  return end;
}

/** The note a block shows before it runs: none with shared memory, else what is missing. */
export async function limitNote(engine: Engine, base: string, facts: EngineFacts): Promise<void> {
  await openBlock(engine, playgroundURL(base, "print(1)\n"));
  const note = await engine.value<{ missing: string; text: string } | null>(`(() => {
    const note = ${BLOCK}.querySelector(".pb-limit");
    return note && { missing: note.dataset.missing, text: note.textContent };
  })()`);
  if (!facts.missing) {
    assert.equal(note, null);
    return;
  }
  assert.equal(note?.missing, facts.missing);
  assert.match(note.text, CAUSES[facts.missing]);
  assert.match(note.text, /Stop ends them at once instead of raising KeyboardInterrupt/);
}
