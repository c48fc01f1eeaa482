/**
 * The one block pipeline: the remark plugin the build runs and the reader the docs checks use
 * find the same blocks through the same walk, wrap them in the block markup, and refuse — naming
 * file and line — every Python fence form they do not handle.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Element, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import type { Root } from "mdast";
import { toHast } from "mdast-util-to-hast";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { blankFrontmatter, blocksOf } from "../../src/docs/doc-blocks.ts";
import { remarkPythonBlocks } from "../../src/docs/remark-python-blocks.ts";

const root = new URL("../../", import.meta.url).pathname;
const article = join(root, "content/halt-python-script");

/** What the build does up to Shiki: parse MDX, run the plugin, turn mdast into hast. */
async function build(text: string, path = join(root, "x.mdx")): Promise<HastRoot> {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkPythonBlocks);
  const file = new VFile({ value: blankFrontmatter(text), path, cwd: root });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  return toHast(tree) as HastRoot;
}

const elements = (tree: HastRoot): Element[] =>
  tree.children.filter((n): n is Element => n.type === "element");

/** The message the build fails with. */
async function failure(text: string): Promise<string> {
  try {
    await build(text);
  } catch (error) {
    return String(error);
  }
  assert.fail("the build should have failed");
}

test("python fences become <python-block>s numbered in order; norun and other languages stay", async () => {
  const tree = await build(
    [
      "```python",
      "print(1)",
      "```",
      "",
      "```python norun",
      "x",
      "```",
      "",
      "```js",
      "x",
      "```",
      "",
      "Text.",
      "",
      "```python",
      "print(2)",
      "```",
    ].join("\n"),
  );
  const [a, b, c, , d] = elements(tree);
  assert.equal(a?.tagName, "python-block");
  assert.equal(a.properties["id"], "example-1");
  assert.equal(a.properties["dataState"], "idle");
  assert.equal(b?.tagName, "pre");
  assert.equal(c?.tagName, "pre");
  assert.equal(d?.properties["id"], "example-2");
  // The fence stays a <pre><code class="language-python"> inside, for Shiki to highlight.
  assert.equal(
    toHtml(a),
    '<python-block id="example-1" data-runnable="" data-state="idle"><pre><code class="language-python">print(1)\n</code></pre></python-block>',
  );
});

test("each block shows its verified result from _expected.json, as the page did before", async () => {
  const path = join(article, "keyboard-interrupt.mdx");
  const [block] = elements(await build(readFileSync(path, "utf8"), path)).filter(
    (e) => e.tagName === "python-block",
  );
  assert.ok(block);
  assert.equal(
    toHtml(block.children[1] ?? { type: "text", value: "" }),
    '<div class="pb-expected" data-expected=""><p class="pb-expected-label">Expected result (verified by running it and pressing Stop)</p><div class="pb-expected-output"><span class="pb-line">User interrupted the script</span></div><p class="pb-expected-ending" data-outcome="exit" data-exit-code="0">You pressed Stop: KeyboardInterrupt was raised and handled by the script; exited with status 0.</p><details class="pb-wayout" open><summary>The way out</summary><ol aria-label="The way out"><li data-step="signal" data-ran="yes">SIGINT delivered</li><li data-step="except" data-ran="yes" data-line="5"><code>except KeyboardInterrupt</code> caught it <span class="pb-wayout-line">line 5</span><span class="pb-wayout-printed-label">printed</span><pre class="pb-wayout-printed">User interrupted the script</pre></li><li data-step="exit" data-ran="yes"><code>$ python3 snippet.py; echo $?</code> → <code>0</code> (the program finished)</li></ol></details></div>',
  );
  const custom = join(article, "custom-exception.mdx");
  const html = toHtml(await build(readFileSync(custom, "utf8"), custom));
  assert.match(
    html,
    /<span class="pb-line"><span class="t-fg-5 t-bold">MyCustomError<\/span>: <span class="t-fg-5">Something went wrong<\/span><\/span><\/div><p class="pb-expected-ending" data-outcome="exception" data-exit-code="1">Uncaught <code>MyCustomError: Something went wrong<\/code> — status 1, raised on line 5\.<\/p>/,
  );
});

test("a ~~~python fence fails the build, naming file and line", async () => {
  assert.match(
    await failure("Intro.\n\n~~~python\nprint(1)\n~~~\n"),
    /x\.mdx:3: a ~~~python fence/,
  );
});

test("an indented python fence (in a list) fails the build, naming file and line", async () => {
  assert.match(
    await failure("Steps:\n\n- one\n\n  ```python\n  print(1)\n  ```\n"),
    /x\.mdx:5: an indented ```python fence/,
  );
  assert.match(await failure("Text.\n\n  ```python\n  print(1)\n  ```\n"), /x\.mdx:3: an indented/);
});

test("a python fence inside a JSX element fails the build, naming file and line", async () => {
  assert.match(
    await failure("Text.\n\n<div>\n\n```python\nprint(1)\n```\n\n</div>\n"),
    /x\.mdx:5: a ```python fence inside a JSX element/,
  );
});

test("a bad fence meta or another spelling of python fails the build, naming file and line", async () => {
  assert.match(await failure("```python bogus\nx\n```\n"), /x\.mdx:1: unknown fence word "bogus"/);
  assert.match(
    await failure('Text.\n\n```python expect="exit"\nx\n```\n'),
    /x\.mdx:3: expect="exit" needs a status 0-255/,
  );
  assert.match(
    await failure("```python norun stop-after=soon\nx\n```\n"),
    /x\.mdx:1: stop-after=soon/,
  );
  assert.match(await failure("```py\nx\n```\n"), /x\.mdx:1: ```py is not a runnable block/);
});

test("the docs checks read blocks through the same walk: same numbering, same refusals", async () => {
  const text = [
    "---",
    "title: A {braced} <title>",
    "---",
    "",
    "```python",
    "print(1)",
    "```",
    "",
    "```python norun",
    "x",
    "```",
    "",
    '```python expect="exit 0" stop-after=5',
    "print(2)",
    "```",
  ].join("\n");
  const blocks = blocksOf("content/a/x.mdx", text);
  assert.deepEqual(
    blocks.map((b) => [b.key, b.index, b.fenceLine, b.source, b.meta.stopAfterMs]),
    [
      ["x.mdx#1", 1, 5, "print(1)\n", null],
      ["x.mdx#2", 2, 13, "print(2)\n", 5],
    ],
  );
  const ids = elements(await build(text))
    .filter((e) => e.tagName === "python-block")
    .map((e) => e.properties["id"]);
  assert.deepEqual(ids, ["example-1", "example-2"]);
  assert.throws(
    () => blocksOf("content/a/y.mdx", "Text.\n\n~~~python\nx\n~~~\n"),
    /y\.mdx:3: a ~~~python/,
  );
});
