/**
 * The built site's pages, for every test and the bench that visits them: a page added to the site
 * is added here once, and the whole-site checks (axe, 360 px, links, sitemap) pick it up.
 */

/** The path the 404 page is tested under; the server answers it with 404.html and status 404. */
export const NOT_FOUND = "/no-such-page/";

/** Every page of the built site, the 404 page last. */
export const PAGES = [
  "/",
  "/halt-python-script/",
  "/halt-python-script/sys-exit/",
  "/halt-python-script/os-exit/",
  "/halt-python-script/custom-exception/",
  "/halt-python-script/keyboard-interrupt/",
  "/halt-python-script/comparison/",
  "/playground/",
  NOT_FOUND,
] as const;

/** The pages that exist: every page but the 404 one (links, sitemap). */
export const REAL_PAGES = PAGES.filter((p) => p !== NOT_FOUND);

/**
 * The playground with `source` loaded from the URL fragment, relative to the site's root (no
 * leading slash, so a test's `baseURL` or the bench's origin is prefixed).
 */
export const playgroundPath = (source: string): string =>
  `playground/#code=${encodeURIComponent(source)}`;
