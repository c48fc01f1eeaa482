/**
 * Splits frontmatter prose such as the tldr into text and `code` spans, so a one-line summary
 * can show inline code without a Markdown renderer (and without ever emitting raw HTML).
 */
export type InlinePart = { type: "text"; value: string } | { type: "code"; value: string };

/** Backtick spans become code parts; an unmatched backtick stays literal text. */
export function splitInlineCode(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ type: "text", value: text.slice(last, match.index) });
    parts.push({ type: "code", value: match[1] ?? "" });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ type: "text", value: text.slice(last) });
  return parts;
}

/** The same text with backticks removed, for meta descriptions and other plain-text slots. */
export function plainText(text: string): string {
  return splitInlineCode(text)
    .map((p) => p.value)
    .join("");
}
