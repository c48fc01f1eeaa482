/**
 * The editor's token colours, taken from the Shiki themes the static code is highlighted with, so
 * a block looks the same before and after its editor loads. CodeMirror tags tokens with `tok-*`
 * classes (python-block.css); this resolves the TextMate scope Shiki's Python grammar gives each
 * kind of token against a theme's `tokenColors`, and writes one CSS custom property per kind.
 * Pure: `CodePalette.astro` loads the themes at build time and renders the CSS.
 */

/** The parts of a Shiki/VS Code theme that decide token colours. */
export interface TextMateTheme {
  readonly name?: string;
  readonly colors?: Readonly<Record<string, string>>;
  readonly fg?: string;
  readonly bg?: string;
  readonly tokenColors?: readonly {
    readonly scope?: string | readonly string[];
    readonly settings: { readonly foreground?: string };
  }[];
}

/**
 * The scope Shiki's Python grammar gives each kind of token the editor colours (`def` and
 * `import` are other `keyword`/`storage` scopes of the same colour in the GitHub themes). Plain
 * names get no scope in Shiki, so they take the theme's foreground, `fg`.
 */
export const EDITOR_SCOPES = {
  keyword: "keyword.control.flow.python",
  string: "string.quoted.single.python",
  comment: "comment.line.number-sign.python",
  number: "constant.numeric.dec.python",
  constant: "constant.language.python",
  function: "entity.name.function.python",
  class: "entity.name.type.class.python",
} as const;

/** One theme's colours for the editor: background, plain text, and one per kind of token. */
export type EditorPalette = { bg: string; fg: string } & Record<keyof typeof EDITOR_SCOPES, string>;

/**
 * Length of the longest selector in `rule` that matches `scope` alone, or -1. A selector matches
 * when it is the scope or a dot-separated prefix of it; selectors that name ancestor scopes
 * (`string variable`) need a parent the lone scope lacks, so they never match.
 */
function matchLength(selectors: string | readonly string[], scope: string): number {
  const list = typeof selectors === "string" ? selectors.split(",") : selectors;
  let best = -1;
  for (const raw of list) {
    const selector = raw.trim();
    if (selector === "" || /\s/.test(selector)) continue;
    if (scope === selector || scope.startsWith(`${selector}.`))
      best = Math.max(best, selector.length);
  }
  return best;
}

/**
 * The foreground `theme` gives `scope`, the way TextMate themes resolve it: the most specific
 * matching selector wins, a later rule wins a tie, and rules without a foreground do not count.
 * Undefined when no rule matches (the token is shown in the theme's foreground).
 */
export function scopeForeground(theme: TextMateTheme, scope: string): string | undefined {
  let found: string | undefined;
  let length = -1;
  for (const rule of theme.tokenColors ?? []) {
    const colour = rule.settings.foreground;
    if (colour === undefined || rule.scope === undefined) continue;
    const l = matchLength(rule.scope, scope);
    if (l >= 0 && l >= length) {
      found = colour;
      length = l;
    }
  }
  return found?.toLowerCase();
}

/** The editor's colours in `theme`; throws when the theme names no editor background or text. */
export function editorPalette(theme: TextMateTheme): EditorPalette {
  const bg = theme.colors?.["editor.background"] ?? theme.bg;
  const fg = theme.colors?.["editor.foreground"] ?? theme.fg;
  if (bg === undefined || fg === undefined)
    throw new Error(`theme ${theme.name ?? "(unnamed)"} has no editor background or foreground`);
  const text = fg.toLowerCase();
  const kinds = Object.keys(EDITOR_SCOPES) as (keyof typeof EDITOR_SCOPES)[];
  const tokens = Object.fromEntries(
    kinds.map((kind) => [kind, scopeForeground(theme, EDITOR_SCOPES[kind]) ?? text]),
  ) as Record<keyof typeof EDITOR_SCOPES, string>;
  return { bg: bg.toLowerCase(), fg: text, ...tokens };
}

/**
 * The two palettes as one `:root` rule of `--tok-*` properties, each `light-dark(light, dark)`,
 * so the page's `color-scheme` (system or stored choice) picks the half, as for every other colour.
 */
export function paletteCss(light: EditorPalette, dark: EditorPalette): string {
  const lines = (Object.keys(light) as (keyof EditorPalette)[]).map(
    (kind) => `  --tok-${kind}: light-dark(${light[kind]}, ${dark[kind]});`,
  );
  return `:root {\n${lines.join("\n")}\n}\n`;
}
