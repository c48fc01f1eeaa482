/**
 * Checks the built site in `dist/` (run after `astro build`): every page exists, the article's words
 * and code reached the HTML unchanged, and nothing points at another origin.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { readArticleSource } from "../helpers/article-source.ts";

const dist = new URL("../../dist/", import.meta.url).pathname;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? htmlFiles(join(dir, d.name))
      : d.name.endsWith(".html")
        ? [join(dir, d.name)]
        : [],
  );
}

/** Text content of HTML, entities decoded, whitespace collapsed: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const pages = [
  "index.html",
  "404.html",
  "halt-python-script/index.html",
  "halt-python-script/sys-exit/index.html",
  "halt-python-script/os-exit/index.html",
  "halt-python-script/custom-exception/index.html",
  "halt-python-script/keyboard-interrupt/index.html",
  "playground/index.html",
];

test("the home page, the overview, every section, the playground and a 404 are built", () => {
  assert.ok(existsSync(dist), "dist/ is missing: run `astro build` first");
  for (const page of pages) assert.ok(existsSync(join(dist, page)), `${page} was not built`);
  assert.ok(existsSync(join(dist, "sitemap-index.xml")), "no sitemap");
  assert.ok(existsSync(join(dist, "images/python.png")), "no thumbnail");
});

test("every paragraph and code block of the original article appears in the built HTML", () => {
  const article = readArticleSource();
  const all = htmlFiles(dist)
    .map((f) => visibleText(readFileSync(f, "utf8")))
    .join("\n");
  for (const para of article.prose) {
    assert.ok(
      all.includes(para.replace(/\s+/g, " ")),
      `article prose missing from the site: ${para}`,
    );
  }
  assert.equal(article.code.length, 4);
  for (const code of article.code) {
    // Shiki splits code into spans per token and line; the visible text keeps every character.
    assert.ok(all.includes(code.replace(/\s+/g, " ").trim()), `article code missing:\n${code}`);
  }
});

test("no built page references another origin", () => {
  const site = "http://localhost:4321";
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    const urls = [...html.matchAll(/(?:src|href|content|srcset)="(https?:\/\/[^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    const foreign = urls.filter((u) => !u.startsWith(site));
    assert.deepEqual(foreign, [], `${relative(dist, file)} references ${foreign.join(", ")}`);
  }
});

test("no built page has an inline script (the CSP allows scripts from the site only)", () => {
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf8");
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      assert.match(tag, /\ssrc=/, `${relative(dist, file)} has an inline script: ${tag}`);
    }
  }
});

test("a verified result is drawn as its terminal showed it: a coloured traceback, no escape bytes", () => {
  const html = readFileSync(join(dist, "halt-python-script/custom-exception/index.html"), "utf8");
  const box = /<div class="pb-expected-output">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  assert.ok(box, "the custom exception section has no verified output box");
  assert.ok(!box.includes("\x1b") && !box.includes("[35m"), `escape bytes in the box: ${box}`);
  // CPython colours the exception's name bold magenta on a terminal; palette colour 5 draws it.
  assert.match(box, /<span class="t-fg-5 t-bold">MyCustomError<\/span>/);
  assert.ok(
    visibleText(box).includes('File "/home/reader/snippet.py", line 5, in <module>'),
    visibleText(box),
  );
});
