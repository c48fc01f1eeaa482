/**
 * The markup of a runnable block, built once (as hast) for every place that renders one: the
 * Markdown pipeline wraps each Python fence with it (`docs/remark-python-blocks.ts`), and
 * `PythonBlock.astro` wraps the probes and the playground. `python-block.ts` upgrades it in the
 * browser; the class names and `data-*` attributes here are the contract the e2e tests read.
 */
import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import { MAX_LINES } from "../client/scrollback.ts";
import { TerminalScreen, type ScreenLine } from "../client/terminal-screen.ts";
import { describeEnding, endingSignal, type EndingPart } from "../runner/ending-words.ts";
import { wayOutItems } from "../runner/way-out-words.ts";
import { CLASSIC_TERMINAL, type TimelessResult } from "../runner/result.ts";
import { spanLook } from "./terminal-style.ts";

const { columns, rows } = CLASSIC_TERMINAL;

/** A run to show under a block, as recorded by the docs checks. */
export interface ShownRun {
  /** The code that ran; the ending's words quote its lines. */
  source: string;
  /** What its terminal received (`CLASSIC_TERMINAL` wide). */
  terminal: string;
  result: TimelessResult;
}

/** A terminal line as hast: its spans drawn as the live panel draws them (`terminal-style.ts`). */
function lineElement(line: ScreenLine): Element {
  const spans = line.spans.map(({ text, style }): ElementContent => {
    const look = spanLook(style);
    if (!look.classes.length && !look.css) return { type: "text", value: text };
    return h(
      "span",
      {
        ...(look.classes.length ? { className: look.classes } : {}),
        ...(look.css ? { style: look.css } : {}),
      },
      text,
    );
  });
  return h("span", { className: ["pb-line"] }, line.text ? spans : "\u200b");
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

const partNode = (part: EndingPart): ElementContent =>
  part.code ? h("code", part.text) : { type: "text", value: part.text };

/** A step of the way out that a link points at (a comparison cell's proof): its index and id. */
export interface ProofTarget {
  index: number;
  id: string;
}

/** The verified way out, as `way-out-view.ts` draws the live one (line references as text). */
function wayOutElement(result: ShownRun["result"], proof: ProofTarget | null): Element {
  const items = wayOutItems(result).map((item, index) =>
    h(
      "li",
      {
        ...(proof?.index === index && { id: proof.id }),
        dataStep: item.step,
        dataRan: item.ran ? "yes" : "no",
        ...(item.line !== null && { dataLine: String(item.line) }),
        ...(!item.ran && { className: ["pb-never"] }),
      },
      [
        ...item.parts.map(partNode),
        ...(item.line !== null
          ? [
              { type: "text" as const, value: " " },
              h("span", { className: ["pb-wayout-line"] }, `line ${String(item.line)}`),
            ]
          : []),
        ...(item.printed !== null
          ? [
              h("span", { className: ["pb-wayout-printed-label"] }, "printed"),
              h("pre", { className: ["pb-wayout-printed"] }, item.printed),
            ]
          : []),
      ],
    ),
  );
  return h("details", { className: ["pb-wayout"], open: true }, [
    h("summary", "The way out"),
    h("ol", { ariaLabel: "The way out" }, items),
  ]);
}

/**
 * The verified result shown under a block at build time: its output and its ending in words,
 * readable with JavaScript off: what the terminal showed (colours, `\r` and the rest applied by the
 * same model as the live panel). The live result replaces it when the reader runs the block.
 */
export async function expectedBox(
  run: ShownRun,
  stopPressed: boolean,
  proof: ProofTarget | null = null,
): Promise<Element> {
  const screen = new TerminalScreen(columns, rows, MAX_LINES - rows);
  await screen.write(run.terminal);
  const lines = screen.lines().map(lineElement);
  const ending = describeEnding(run.result, run.source, stopPressed).map(partNode);
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
        ...(endingSignal(run.result) && { dataSignal: endingSignal(run.result) }),
      },
      ending,
    ),
    run.result.wayOut ? wayOutElement(run.result, proof) : null,
  ]);
}
