/**
 * Rehype plugin (runs after Shiki): wraps every Python code block in a `<python-block>` element,
 * the hook the page's script upgrades into a runnable editor. The highlighted `<pre>` stays inside
 * untouched, so the code reads without JavaScript. Fences marked `norun` are left alone.
 */
import { basename, dirname, join } from "node:path";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { describeEnding } from "../runner/ending-words.ts";
import { EXPECTED_FILE } from "./doc-blocks.ts";
import { readExpected, type ExpectedRun } from "./expected.ts";
import type { RunResult } from "../runner/result.ts";
import { parseFenceMeta } from "./fence-meta.ts";

/** The node itself when it is Shiki's `<pre>` for a Python fence, otherwise null. */
function pythonPre(node: RootContent): Element | null {
  if (node.type !== "element" || node.tagName !== "pre") return null;
  return node.properties["dataLanguage"] === "python" ? node : null;
}

function metaOf(pre: Element): string | undefined {
  // code-meta.ts sets it as written ("data-meta"); hast's own spelling is dataMeta.
  const meta = pre.properties["data-meta"] ?? pre.properties["dataMeta"];
  return typeof meta === "string" ? meta : undefined;
}

const text = (value: string): ElementContent => ({ type: "text", value });
const el = (
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[],
): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

/**
 * The verified result shown under a block at build time: its output and its ending in words,
 * readable with JavaScript off. The live result replaces it when the reader runs the block.
 */
export function expectedResult(expected: ExpectedRun, stopPressed: boolean): Element {
  const result: RunResult = { ...expected.result, durationMs: 0 };
  const lines: ElementContent[] = [];
  for (const [stream, out] of [
    ["stdout", expected.stdout],
    ["stderr", expected.stderr],
  ] as const) {
    for (const line of out.replace(/\n$/, "").split("\n")) {
      if (out)
        lines.push(
          el("span", { className: ["pb-line", `pb-${stream}`], dataStream: stream }, [text(line)]),
        );
    }
  }
  const ending = describeEnding(result, expected.source, stopPressed).map((part) =>
    part.code ? el("code", {}, [text(part.text)]) : text(part.text),
  );
  return el("div", { className: ["pb-expected"], dataExpected: "" }, [
    el("p", { className: ["pb-expected-label"] }, [
      text("Expected result"),
      text(
        stopPressed ? " (verified by running it and pressing Stop)" : " (verified by running it)",
      ),
    ]),
    ...(lines.length ? [el("div", { className: ["pb-expected-output"] }, lines)] : []),
    el(
      "p",
      {
        className: ["pb-expected-ending"],
        dataOutcome: result.outcome,
        dataExitCode: String(result.exitCode),
      },
      ending,
    ),
  ]);
}

/** The plugin; each page numbers its blocks `example-1`, `example-2`, … in reading order. */
export function rehypeRunnable() {
  return (tree: Root, file: { path?: string }): void => {
    let count = 0;
    const expected = file.path ? readExpected(join(dirname(file.path), EXPECTED_FILE)) : {};
    const name = file.path ? basename(file.path) : "";
    const visit = (parent: Root | Element): void => {
      parent.children = parent.children.map((child) => {
        const pre = pythonPre(child);
        if (pre) {
          const meta = parseFenceMeta(metaOf(pre));
          if (meta.norun) return pre;
          count += 1;
          const record = expected[`${name}#${String(count)}`];
          return {
            type: "element",
            tagName: "python-block",
            properties: { id: `example-${String(count)}`, dataRunnable: "", dataState: "idle" },
            children: [pre, ...(record ? [expectedResult(record, meta.stopAfterMs !== null)] : [])],
          } satisfies Element;
        }
        if (child.type === "element") visit(child);
        return child;
      });
    };
    visit(tree);
  };
}
