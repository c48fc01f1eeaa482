/**
 * The one walk over an MDX file's mdast that finds its Python fences. The build
 * (`remark-python-blocks.ts`), the verifier, `snippets:update` and the tests all number blocks
 * through it, so block `example-N` on the page is block N in `_expected.json` — by construction.
 *
 * A runnable block is a ```` ```python ```` fence at the start of a line, outside JSX, not marked
 * `norun`. Python fences in any other form (`~~~`, indented, in a list, inside a JSX element,
 * `py` instead of `python`) are problems: the build fails on them rather than show them differently.
 */
import { basename } from "node:path";
import type { Code, Nodes, Parents, Root } from "mdast";
import { SKIP, visit } from "unist-util-visit";
import { parseFenceMeta, type FenceMeta } from "./fence-meta.ts";

/** One runnable block of an MDX file. */
export interface DocBlock {
  /** The file as given to the walk (from the repository root, e.g. `content/x/sys-exit.mdx`). */
  file: string;
  /** 1-based position among the file's runnable blocks (`example-N` on the page). */
  index: number;
  /** Key in the article's `_expected.json` (see `blockKey`). */
  key: string;
  /** 1-based line of the fence in the file, for messages. */
  fenceLine: number;
  /** The code as a file holds it: the fence's lines, each ending in a newline. */
  source: string;
  meta: FenceMeta;
}

/** A Python fence the pipeline does not handle, or a meta string it cannot read. */
export interface FenceProblem {
  line: number;
  column: number;
  /** `file:line: what is wrong and what to write instead`. */
  message: string;
}

/** A runnable block with its mdast node (a child of the root), for the build to wrap in place. */
export interface FoundBlock {
  block: DocBlock;
  node: Code;
}

/** The key of block `index` of `file` in `_expected.json`: `<file name>#<index>`. */
export function blockKey(file: string, index: number): string {
  return `${basename(file)}#${String(index)}`;
}

/** The `id` of block `index` on its page. */
export function blockId(index: number): string {
  return `example-${String(index)}`;
}

const PYTHON_ALIASES = /^(?:py|python3?)$/i;
const isJsx = (node: Nodes): boolean =>
  node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
const isPythonCode = (node: Nodes): node is Code =>
  node.type === "code" && PYTHON_ALIASES.test(node.lang ?? "");

/** Why a Python fence is not one the pipeline handles, or null when it is. */
function formProblem(node: Code, text: string, parent: Parents | undefined): string | null {
  const start = node.position?.start;
  if (node.lang !== "python")
    return `\`\`\`${node.lang ?? ""} is not a runnable block: write \`\`\`python (add norun to keep it static)`;
  if (parent === undefined)
    return "a ```python fence inside a JSX element is not supported: move it out of the element";
  if (start?.offset !== undefined && text.startsWith("~", start.offset))
    return "a ~~~python fence is not supported: fence Python code with ```";
  if (parent.type !== "root" || (start && start.column > 1))
    return "an indented ```python fence (in a list, a quote or other container) is not supported: start it at column 1, outside any container";
  return null;
}

/**
 * Every runnable Python block of one parsed MDX file, in reading order, and every problem.
 * `text` is the file's text as parsed (offsets index it); `file` names it in keys and messages.
 */
export function findPythonFences(
  tree: Root,
  text: string,
  file: string,
): { blocks: FoundBlock[]; problems: FenceProblem[] } {
  const blocks: FoundBlock[] = [];
  const problems: FenceProblem[] = [];
  const report = (node: Code, message: string): void => {
    const { line = 0, column = 0 } = node.position?.start ?? {};
    problems.push({ line, column, message: `${file}:${String(line)}: ${message}` });
  };
  /** `parent` is undefined for a fence inside JSX. */
  const take = (node: Code, parent: Parents | undefined): void => {
    const problem = formProblem(node, text, parent);
    if (problem) {
      report(node, problem);
      return;
    }
    const meta = parseFenceMeta(node.meta ?? undefined);
    if (meta.norun) {
      for (const error of meta.errors) report(node, error);
      return;
    }
    const index = blocks.length + 1;
    const source = node.value ? `${node.value}\n` : "";
    const fenceLine = node.position?.start.line ?? 0;
    const key = blockKey(file, index);
    blocks.push({ block: { file, index, key, fenceLine, source, meta }, node });
  };
  visit(tree, (node, _index, parent) => {
    if (isJsx(node)) {
      visit(node, (inner) => {
        if (isPythonCode(inner)) take(inner, undefined);
      });
      return SKIP;
    }
    if (isPythonCode(node)) take(node, parent);
    return undefined;
  });
  return { blocks, problems };
}
