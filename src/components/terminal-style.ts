/**
 * How a terminal span is drawn: the 16 palette colours and the text styles as classes
 * (`terminal-colours.css`, the site's palette, AA in both themes), the 256-colour cube, grays and
 * 24-bit colours as inline colours (the program chose them), inverse as swapped colours. Shared
 * by the live panel (DOM) and the build's verified result (hast). No DOM.
 */
import type { Colour, Style } from "../client/terminal-screen.ts";

/** Classes and inline CSS for one span; both empty for the terminal's defaults. */
export interface SpanLook {
  classes: string[];
  css: string;
}

const hex = (rgb: number): string => `#${rgb.toString(16).padStart(6, "0")}`;

/** xterm's 256-colour table above the 16 themed ones: a 6×6×6 cube, then 24 grays. */
function paletteRgb(index: number): number {
  if (index >= 232) {
    const level = 8 + 10 * (index - 232);
    return level * 0x10101;
  }
  const steps = [0, 95, 135, 175, 215, 255];
  const n = index - 16;
  const [r, g, b] = [Math.floor(n / 36), Math.floor(n / 6) % 6, n % 6].map((i) => steps[i] ?? 0);
  return ((r ?? 0) << 16) | ((g ?? 0) << 8) | (b ?? 0);
}

/** A colour as a CSS value: a themed variable for 0–15, a literal otherwise. */
function cssColour(colour: Colour, layer: "fg" | "bg"): string {
  if ("rgb" in colour) return hex(colour.rgb);
  if (colour.palette < 16)
    return `var(--term-${layer === "bg" ? "bg-" : ""}${String(colour.palette)})`;
  return hex(paletteRgb(colour.palette));
}

/** The classes and inline CSS that draw `style`. */
export function spanLook(style: Style | null): SpanLook {
  if (!style) return { classes: [], css: "" };
  const classes: string[] = [];
  const css: string[] = [];
  if (style.inverse) {
    // Swapped: the text takes the background's colour and the background the text's (solid).
    css.push(`color: ${style.bg ? cssColour(style.bg, "fg") : "var(--surface)"}`);
    css.push(`background: ${style.fg ? cssColour(style.fg, "fg") : "var(--fg)"}`);
  } else {
    for (const layer of ["fg", "bg"] as const) {
      const colour = style[layer];
      if (!colour) continue;
      if ("palette" in colour && colour.palette < 16)
        classes.push(`t-${layer}-${String(colour.palette)}`);
      else css.push(`${layer === "fg" ? "color" : "background"}: ${cssColour(colour, layer)}`);
    }
  }
  for (const flag of ["bold", "dim", "italic", "underline", "strike"] as const) {
    if (style[flag]) classes.push(`t-${flag}`);
  }
  return { classes, css: css.join("; ") };
}
