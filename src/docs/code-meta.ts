/**
 * Shiki transformer that keeps a fence's meta string (```` ```python norun ````) on the rendered
 * `<pre>` as `data-meta`. Shiki replaces the `<pre><code>` that carried it, and the runnable-block
 * upgrade (and the docs verifier) need it to tell runnable blocks from static ones.
 */
import type { ShikiTransformer } from "shiki";

/** Adds `data-meta` to the `<pre>` of every fence that has one. */
export function codeMetaTransformer(): ShikiTransformer {
  return {
    name: "python-halted:code-meta",
    pre(node) {
      const raw = this.options.meta?.__raw?.trim();
      if (raw) node.properties["data-meta"] = raw;
    },
  };
}
