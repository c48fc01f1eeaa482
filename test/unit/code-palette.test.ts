import { test } from "node:test";
import assert from "node:assert/strict";
import { bundledThemes, codeToTokens } from "shiki";
import {
  EDITOR_SCOPES,
  editorPalette,
  paletteCss,
  scopeForeground,
  type EditorPalette,
  type TextMateTheme,
} from "../../src/components/code-palette.ts";
import { CODE_THEMES } from "../../src/components/code-themes.ts";

const rules: TextMateTheme = {
  tokenColors: [
    { scope: "entity.name.function", settings: { foreground: "#111111" } },
    { scope: ["entity", "entity.name"], settings: { foreground: "#222222" } },
    { scope: "keyword", settings: { foreground: "#333333" } },
    { scope: "keyword", settings: { foreground: "#444444" } },
    { scope: "string variable, comment", settings: { foreground: "#555555" } },
    { scope: "comment.line", settings: {} },
    { settings: { foreground: "#666666" } },
    { scope: "constant.num", settings: { foreground: "#777777" } },
  ],
};

test("the most specific matching selector wins, whatever its place in the list", () => {
  assert.equal(scopeForeground(rules, "entity.name.function.python"), "#111111");
  assert.equal(scopeForeground(rules, "entity.name.type.class"), "#222222");
  assert.equal(scopeForeground(rules, "entity.other"), "#222222");
});

test("a later rule wins a tie; rules without a foreground or scope do not count", () => {
  assert.equal(scopeForeground(rules, "keyword.control.flow"), "#444444");
  // `comment` from the comma list, not the colourless `comment.line`.
  assert.equal(scopeForeground(rules, "comment.line.number-sign"), "#555555");
});

test("selectors only match whole segments, and never need ancestors the scope lacks", () => {
  assert.equal(scopeForeground(rules, "constant.numeric"), undefined);
  assert.equal(scopeForeground(rules, "variable"), undefined);
  assert.equal(scopeForeground(rules, "keywords"), undefined);
});

test("a theme without editor colours is refused by name", () => {
  assert.throws(() => editorPalette({ name: "bare", tokenColors: [] }), /theme bare/);
});

test("the CSS holds one light-dark() property per colour", () => {
  const light = editorPalette({
    colors: { "editor.background": "#FFF", "editor.foreground": "#000" },
  });
  const dark: EditorPalette = { ...light, bg: "#000", keyword: "#f00" };
  const css = paletteCss(light, dark);
  assert.match(css, /^:root \{\n/);
  assert.match(css, /^ {2}--tok-bg: light-dark\(#fff, #000\);$/m);
  assert.match(css, /^ {2}--tok-keyword: light-dark\(#000, #f00\);$/m);
  assert.equal(css.match(/light-dark/g)?.length, Object.keys(EDITOR_SCOPES).length + 2);
});

/** A Python snippet with one token of each kind the editor colours, and which kind each is. */
const SAMPLE = [
  "# stop here",
  "def main():",
  "    while True:",
  '        name = "hi"',
  "        return 42",
  "class Halt(Exception):",
  "    pass",
].join("\n");
const KIND_OF: Record<string, keyof EditorPalette> = {
  "# stop here": "comment",
  def: "keyword",
  while: "keyword",
  main: "function",
  True: "constant",
  name: "fg",
  '"hi"': "string",
  "42": "number",
  Halt: "class",
};

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const name of Object.values(CODE_THEMES)) {
  test(`${name}: the editor shows each token in the colour Shiki gives it`, async () => {
    const palette = editorPalette((await bundledThemes[name]()).default);
    const { tokens, bg } = await codeToTokens(SAMPLE, { lang: "python", theme: name });
    assert.equal(palette.bg, bg?.toLowerCase());
    const seen = new Set<string>();
    for (const token of tokens.flat()) {
      const kind = KIND_OF[token.content.trim()];
      if (kind === undefined) continue;
      seen.add(token.content.trim());
      assert.equal(palette[kind], token.color?.toLowerCase(), `${kind} (${token.content})`);
    }
    assert.deepEqual([...seen].sort(), Object.keys(KIND_OF).sort());
  });

  test(`${name}: every editor colour meets WCAG AA (4.5:1) on the editor background`, async () => {
    const palette = editorPalette((await bundledThemes[name]()).default);
    const bg = luminance(palette.bg);
    for (const [kind, colour] of Object.entries(palette)) {
      if (kind === "bg") continue;
      const fg = luminance(colour);
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      assert.ok(ratio >= 4.5, `${kind} ${colour} on ${palette.bg}: ${ratio.toFixed(2)}:1`);
    }
  });
}
