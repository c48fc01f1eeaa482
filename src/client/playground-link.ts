/**
 * Playground links: the code travels in the URL fragment, `#code=<encodeURIComponent(source)>`,
 * so it never reaches a server. Code from a link is only ever loaded, never run.
 */

/** The code in a location hash, or null when there is none or it does not decode. */
export function playgroundCode(hash: string): string | null {
  const match = /^#code=(.*)$/s.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** A link to the playground at `pageURL` carrying `source`. */
export function shareLink(pageURL: string, source: string): string {
  const url = new URL(pageURL);
  url.hash = `code=${encodeURIComponent(source)}`;
  return url.href;
}
