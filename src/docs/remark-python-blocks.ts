/**
 * Remark plugin: wraps every runnable Python fence (found by the one walk, `python-fences.ts`) in
 * the `<python-block>` element from `components/block-markup.ts`, with the verified result from
 * `_expected.json` under it. The fence itself stays a `code` node inside the wrapper, so Shiki
 * still highlights it and the code reads without JavaScript.
 *
 * Fails the build, naming file and line, on a Python fence the pipeline does not handle and on a
 * fence meta string it cannot read (`fence-meta.ts`).
 */
import { dirname, relative } from "node:path";
import type { Element } from "hast";
import type { Code, Parent, Root } from "mdast";
import type {} from "mdast-util-to-hast";
import type { VFile } from "vfile";
import { blockElement, expectedBox } from "../components/block-markup.ts";
import { expectedFileOf, readExpected } from "./expected.ts";
import { blockId, findPythonFences, type FenceProblem } from "./python-fences.ts";

/**
 * An mdast node that `mdast-util-to-hast` turns into exactly the hast element it carries
 * (`data.hName`, `hProperties`; `hChildren` when it has no mdast children of its own). Its
 * handler is the default one for unknown nodes: an element of its children, then its data.
 */
export interface HastCarrier extends Parent {
  type: "hastCarrier";
  children: (Code | HastCarrier)[];
}

declare module "mdast" {
  interface BlockContentMap {
    hastCarrier: HastCarrier;
  }
  interface RootContentMap {
    hastCarrier: HastCarrier;
  }
}

/** `element` as mdast: its tag and properties, with `children` (mdast) or its own hast children. */
function carrier(element: Element, children: HastCarrier["children"] = []): HastCarrier {
  return {
    type: "hastCarrier",
    data: {
      hName: element.tagName,
      hProperties: element.properties,
      ...(children.length ? {} : { hChildren: element.children }),
    },
    children,
  };
}

/** The plugin; each page numbers its blocks `example-1`, `example-2`, … in reading order. */
export function remarkPythonBlocks() {
  return async (tree: Root, file: VFile): Promise<void> => {
    const name = file.path ? relative(file.cwd, file.path) : "<mdx>";
    const { blocks, problems } = findPythonFences(tree, String(file.value), name);
    const metaProblems = blocks.flatMap(({ block }): FenceProblem[] =>
      block.meta.errors.map((error) => ({
        line: block.fenceLine,
        column: 1,
        message: `${name}:${String(block.fenceLine)}: ${error}`,
      })),
    );
    const [first] = [...problems, ...metaProblems].sort((a, b) => a.line - b.line);
    if (first) file.fail(first.message, { place: { line: first.line, column: first.column } });

    const expected = file.path ? readExpected(expectedFileOf(dirname(file.path))) : {};
    for (const { block, node } of blocks) {
      const record = expected[block.key];
      const box = record
        ? [carrier(await expectedBox(record, block.meta.stopAfterMs !== null))]
        : [];
      const wrapper = carrier(blockElement(blockId(block.index), []), [node, ...box]);
      tree.children[tree.children.indexOf(node)] = wrapper;
    }
  };
}
