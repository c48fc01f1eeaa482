/**
 * The terminal colours in src/components/terminal-colours.css meet WCAG AA (4.5:1) in both themes:
 * each text colour on --surface, and each background under --fg. Reads the CSS itself, so a colour
 * edited there is checked here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url).pathname;
const AA = 4.5;
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];
type Pair = Record<Theme, string>;
/** The colour numbers 0 to 15, as text: they only ever go into names. */
const COLOURS = Array.from({ length: 16 }, (_, n) => String(n));

/** The CSS of a file without its comments, so commented-out rules neither count nor confuse. */
function css(path: string): string {
  return readFileSync(root + path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
}

const globalCss = css("src/layouts/global.css");
const terminalCss = css("src/components/terminal-colours.css");

/** The two halves of `--name: light-dark(#rrggbb, #rrggbb);`, refusing any other form. */
function lightDark(text: string, name: string): Pair {
  const declaration = new RegExp(`^\\s*--${name}:([^;]*);`, "m").exec(text);
  assert.ok(declaration, `--${name} is not declared`);
  const value = /^\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)\s*$/i.exec(
    declaration[1] ?? "",
  );
  assert.ok(value?.[1] && value[2], `--${name} is not light-dark(#rrggbb, #rrggbb)`);
  return { light: value[1].toLowerCase(), dark: value[2].toLowerCase() };
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, whichever colour is lighter. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color-mix(in srgb, a p%, b)`: each gamma-encoded channel mixed, as the browser does. */
function mix(a: string, b: string, share: number): string {
  const [ca, cb] = [channels(a), channels(b)];
  return `#${ca
    .map((c, i) =>
      Math.round(c * share + (cb[i] ?? 0) * (1 - share))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

const fg = lightDark(globalCss, "fg");
const surface = lightDark(globalCss, "surface");

test("the ratio is WCAG's: black on white is 21, a colour on itself 1", () => {
  assert.equal(contrast("#000000", "#ffffff"), 21);
  assert.equal(contrast("#ffffff", "#000000"), 21);
  assert.equal(contrast("#767676", "#767676"), 1);
  // #767676 is the lightest gray that passes AA on white.
  assert.ok(contrast("#767676", "#ffffff") >= AA);
  assert.ok(contrast("#777777", "#ffffff") < AA);
});

/** Every colour below AA, named with its theme and ratio (an empty list when all pass). */
function belowAA(describe: (n: string, theme: Theme) => [string, number]): string[] {
  return COLOURS.flatMap((n) =>
    THEMES.flatMap((theme) => {
      const [pair, ratio] = describe(n, theme);
      return ratio >= AA
        ? []
        : [`${pair} (${theme}) is ${ratio.toFixed(2)}:1, below ${AA.toFixed(1)}:1`];
    }),
  );
}

test("every terminal text colour meets AA on --surface in both themes", () => {
  const failures = belowAA((n, theme) => {
    const colour = lightDark(terminalCss, `term-${n}`)[theme];
    const pair = `--term-${n} ${colour} on --surface ${surface[theme]}`;
    return [pair, contrast(colour, surface[theme])];
  });
  assert.deepEqual(failures, []);
});

test("every terminal background meets AA under --fg in both themes", () => {
  const failures = belowAA((n, theme) => {
    const colour = lightDark(terminalCss, `term-bg-${n}`)[theme];
    const pair = `--fg ${fg[theme]} on --term-bg-${n} ${colour}`;
    return [pair, contrast(fg[theme], colour)];
  });
  assert.deepEqual(failures, []);
});

test("dim text, --fg mixed into --surface, still meets AA on --surface in both themes", () => {
  const declaration =
    /--term-dim:\s*color-mix\(in srgb, var\(--fg\) (\d+(?:\.\d+)?)%, var\(--surface\)\);/.exec(
      terminalCss,
    );
  assert.ok(declaration?.[1], "--term-dim is not color-mix(in srgb, var(--fg) p%, var(--surface))");
  const share = Number(declaration[1]) / 100;
  for (const theme of THEMES) {
    const dim = mix(fg[theme], surface[theme], share);
    const ratio = contrast(dim, surface[theme]);
    assert.ok(
      ratio >= AA,
      `--term-dim (${theme}: ${dim}) on --surface (${surface[theme]}) is ${ratio.toFixed(2)}:1, below ${AA.toFixed(1)}:1`,
    );
  }
  assert.match(terminalCss, /\.t-dim\s*\{\s*color:\s*var\(--term-dim\);\s*\}/);
});

test("each colour has its class, and each class its own colour", () => {
  for (const n of COLOURS) {
    assert.match(
      terminalCss,
      new RegExp(`\\.t-fg-${n}\\s*\\{\\s*color:\\s*var\\(--term-${n}\\);\\s*\\}`),
      `.t-fg-${n} does not set color: var(--term-${n})`,
    );
    assert.match(
      terminalCss,
      new RegExp(`\\.t-bg-${n}\\s*\\{\\s*background:\\s*var\\(--term-bg-${n}\\);\\s*\\}`),
      `.t-bg-${n} does not set background: var(--term-bg-${n})`,
    );
  }
});

test("the colour classes come after dim, so a colour wins over dim at equal specificity", () => {
  const dim = terminalCss.search(/\.t-dim\s*\{/);
  const firstColour = terminalCss.search(/\.t-fg-\d+\s*\{/);
  assert.ok(dim >= 0 && firstColour > dim, ".t-dim must come before the .t-fg-N rules");
});
