import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { articleSchema, sectionSchema } from "../../src/site/schema.ts";
import { readArticleSource } from "../helpers/article-source.ts";

test("the original article's own frontmatter is valid", () => {
  const data: unknown = parse(readArticleSource().frontmatter);
  const result = articleSchema.safeParse(data);
  assert.ok(result.success, JSON.stringify(result.error?.issues));
  assert.equal(result.data.created_at.toISOString(), "2023-03-06T00:00:00.000Z");
});

test("a missing or misspelt field is rejected with its name", () => {
  const data = parse(readArticleSource().frontmatter) as Record<string, unknown>;
  const { tags, ...rest } = data;
  const result = articleSchema.safeParse({ ...rest, tag: tags });
  assert.equal(result.success, false);
  const paths = result.error.issues.flatMap((i) => [...i.path, ...("keys" in i ? i.keys : [])]);
  assert.ok(paths.includes("tags"), String(paths));
  assert.ok(paths.includes("tag"), String(paths));
});

test("sections need a positive integer order", () => {
  assert.equal(sectionSchema.safeParse({ title: "x", order: 1 }).success, true);
  assert.equal(sectionSchema.safeParse({ title: "x", order: "two" }).success, false);
  assert.equal(sectionSchema.safeParse({ title: "x" }).success, false);
});
