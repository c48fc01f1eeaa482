import { test } from "node:test";
import assert from "node:assert/strict";
import {
  articleSlugOf,
  neighbours,
  sectionPath,
  sectionSlugOf,
  sectionsOf,
} from "../../src/site/navigation.ts";

const entry = (id: string, order: number) => ({ id, data: { title: id.toUpperCase(), order } });

test("ids split into article and section slugs", () => {
  assert.equal(articleSlugOf("halt/sys-exit"), "halt");
  assert.equal(sectionSlugOf("halt/sys-exit"), "sys-exit");
  assert.equal(sectionPath("halt/sys-exit"), "halt/sys-exit/");
});

test("sections are ordered by `order` and filtered to their article", () => {
  const all = [entry("a/three", 3), entry("b/one", 1), entry("a/one", 1), entry("a/two", 2)];
  assert.deepEqual(
    sectionsOf("a", all).map((s) => s.id),
    ["a/one", "a/two", "a/three"],
  );
});

test("two sections with the same order fail, naming both files", () => {
  assert.throws(
    () => sectionsOf("a", [entry("a/x", 1), entry("a/y", 1)]),
    /content\/a\/x\.mdx and content\/a\/y\.mdx both have order: 1/,
  );
});

test("the first section goes back to the overview, the last has no next", () => {
  const ordered = sectionsOf("a", [entry("a/one", 1), entry("a/two", 2)]);
  assert.deepEqual(neighbours("a", "Article", ordered, "a/one"), {
    prev: { title: "Article", path: "a/" },
    next: { title: "A/TWO", path: "a/two/" },
  });
  assert.deepEqual(neighbours("a", "Article", ordered, "a/two"), {
    prev: { title: "A/ONE", path: "a/one/" },
    next: undefined,
  });
});
