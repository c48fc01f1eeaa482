/**
 * The markup of a runnable block, built once (as hast) for every place that renders one: the
 * Markdown pipeline wraps each Python fence with it (`docs/remark-python-blocks.ts`), and
 * `PythonBlock.astro` wraps the probes and the playground. `python-block.ts` upgrades it in the
 * browser; the class names and `data-*` attributes here are the contract the e2e tests read.
 */
import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { describeEnding } from "../runner/ending-words.ts";
import type { TimelessResult } from "../runner/result.ts";

/** A run to show under a block, as recorded by the docs checks. */
export interface ShownRun {
  /** The code that ran; the ending's words quote its lines. */
  source: string;
  stdout: string;
  stderr: string;
  result: TimelessResult;
}

/**
 * The `<python-block>` element around a block's highlighted `<pre>` (and, for article blocks, its
 * expected result). `playground` marks the one block whose code may come from the page's URL.
 */
export function blockElement(
  id: string,
  children: ElementContent[],
  options: { playground?: boolean } = {},
): Element {
  return h(
    "python-block",
    {
      id,
      dataRunnable: "",
      dataState: "idle",
      ...(options.playground ? { dataPlayground: "" } : {}),
    },
    children,
  );
}

/**
 * The verified result shown under a block at build time: its output and its ending in words,
 * readable with JavaScript off. The live result replaces it when the reader runs the block.
 */
export function expectedBox(run: ShownRun, stopPressed: boolean): Element {
  const lines: Element[] = [];
  for (const [stream, out] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    if (!out) continue;
    for (const line of out.replace(/\n$/, "").split("\n")) {
      lines.push(h("span", { className: ["pb-line", `pb-${stream}`], dataStream: stream }, line));
    }
  }
  const ending = describeEnding(run.result, run.source, stopPressed).map((part) =>
    part.code ? h("code", part.text) : { type: "text" as const, value: part.text },
  );
  return h("div", { className: ["pb-expected"], dataExpected: "" }, [
    h("p", { className: ["pb-expected-label"] }, [
      "Expected result",
      stopPressed ? " (verified by running it and pressing Stop)" : " (verified by running it)",
    ]),
    lines.length ? h("div", { className: ["pb-expected-output"] }, lines) : null,
    h(
      "p",
      {
        className: ["pb-expected-ending"],
        dataOutcome: run.result.outcome,
        dataExitCode: String(run.result.exitCode),
      },
      ending,
    ),
  ]);
}
