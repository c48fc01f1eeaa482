/**
 * The site's base path (`/` or a sub-path such as `/repo/`), always with its trailing slash, so
 * every place that builds a URL under it (links, the Pyodide folder, the service worker scope,
 * `_headers`) joins paths the same way.
 */

/** `base` with exactly one trailing slash. */
export function withTrailingSlash(base: string): string {
  return base.endsWith("/") ? base : `${base}/`;
}

/** Joins `base` and a site-relative path (a leading slash on `path` is ignored). */
export function underBase(base: string, path: string): string {
  return `${withTrailingSlash(base)}${path.replace(/^\//, "")}`;
}
