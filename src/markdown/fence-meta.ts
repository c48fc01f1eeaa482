/**
 * The words an author may put after ```` ```python ```` (the fence's meta string). Parsed in one
 * place so the build, the page and the docs checks agree on what a block declares.
 */

/** What a fence's meta says about its block. */
export interface FenceMeta {
  /** `norun`: keep the block static, no Run button. */
  norun: boolean;
}

/** Parses a meta string such as `norun`; unknown words are ignored. */
export function parseFenceMeta(meta: string | undefined): FenceMeta {
  const words = (meta ?? "").split(/\s+/).filter(Boolean);
  return { norun: words.includes("norun") };
}
