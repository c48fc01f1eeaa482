/**
 * The rings of `src/` as data: which folder may import which. ARCHITECTURE.md's table says the
 * same in words; `rings.test.ts` holds the code to it. Imports point inward: a folder may import
 * only the folders listed for it (and itself). Files directly in `src/` are named by file.
 */
export const RINGS: Readonly<Record<string, readonly string[]>> = {
  runner: [],
  channels: ["runner"],
  site: [],
  worker: ["runner", "channels"],
  delivery: ["runner", "channels"],
  // The site's service worker: parts of one script the build joins (src/docs/integration.ts).
  "service-worker": [],
  client: ["runner", "channels", "site", "worker", "delivery"],
  components: ["runner", "channels", "client", "site", "delivery"],
  docs: ["runner", "channels", "site", "components"],
  cli: ["runner", "channels"],
  layouts: ["components", "site"],
  pages: ["layouts", "components", "site"],
  "content.config.ts": ["site", "docs"],
};

/** Globals a ring must not touch: the core and the channels run in Node too; the client has no DOM. */
export const FORBIDDEN_GLOBALS: Readonly<Record<string, readonly string[]>> = {
  runner: ["document", "window", "self", "postMessage", "location", "navigator"],
  channels: ["document", "window", "self", "location"],
  client: ["document", "window", "HTMLElement"],
  delivery: ["document", "window", "HTMLElement"],
  "service-worker": ["document", "window"],
};

/** The longest a source file in `src/` may be, in lines (STYLE.md: small files, one job). */
export const MAX_LINES = 250;
