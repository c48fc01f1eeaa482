/**
 * Rehype plugin (runs after Shiki): wraps every Python code block in a `<python-block>` element,
 * the hook the page's script upgrades into a runnable editor. The highlighted `<pre>` stays inside
 * untouched, so the code reads without JavaScript. Fences marked `norun` are left alone.
 */
import type { Element, Root, RootContent } from "hast";
import { parseFenceMeta } from "./fence-meta.ts";

/** The node itself when it is Shiki's `<pre>` for a Python fence, otherwise null. */
function pythonPre(node: RootContent): Element | null {
  if (node.type !== "element" || node.tagName !== "pre") return null;
  return node.properties["dataLanguage"] === "python" ? node : null;
}

function metaOf(pre: Element): string | undefined {
  const meta = pre.properties["dataMeta"];
  return typeof meta === "string" ? meta : undefined;
}

/** The plugin; each page numbers its blocks `example-1`, `example-2`, … in reading order. */
export function rehypeRunnable() {
  return (tree: Root): void => {
    let count = 0;
    const visit = (parent: Root | Element): void => {
      parent.children = parent.children.map((child) => {
        const pre = pythonPre(child);
        if (pre) {
          if (parseFenceMeta(metaOf(pre)).norun) return pre;
          count += 1;
          return {
            type: "element",
            tagName: "python-block",
            properties: { id: `example-${String(count)}`, dataRunnable: "", dataState: "idle" },
            children: [pre],
          } satisfies Element;
        }
        if (child.type === "element") visit(child);
        return child;
      });
    };
    visit(tree);
  };
}
