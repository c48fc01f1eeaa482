/**
 * Every response header the site depends on, in one place for every place that sends them: the
 * dev and preview servers (`astro.config.mjs`), the `_headers` file for hosts that read one, the
 * service worker that adds them on hosts that cannot, and the e2e test server's `--isolate`.
 *
 * - Isolation (COOP/COEP/CORP): the page may use SharedArrayBuffer (Stop as SIGINT, `input()`).
 * - The page's CSP: scripts only from the site (no inline script, no eval; wasm allowed), no
 *   framing (`frame-ancestors 'none'`, so the playground's Run cannot be clickjacked), nothing
 *   fetched from elsewhere. Styles may be inline: Shiki colours tokens with style attributes.
 * - The runner worker's own, stricter CSP: it needs scripts from the site, wasm, and the
 *   standard library it is handed as a `blob:`; nothing else.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' blob:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The CSP of the runner worker's script (a worker's policy comes from its own response). */
export const WORKER_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self' blob:",
].join("; ");

/** Headers for every response of the site. */
export const SITE_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  "Content-Security-Policy": PAGE_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=(), display-capture=()",
};

/** Where the bundler puts the runner worker's script, under the site's base (`astro.config.mjs`). */
export const WORKER_DIR = "_astro/worker/";

/** The headers for a response at `path` (relative to the base, no leading slash). */
export function headersFor(path: string): Readonly<Record<string, string>> {
  return path.startsWith(WORKER_DIR)
    ? { ...SITE_HEADERS, "Content-Security-Policy": WORKER_CSP }
    : SITE_HEADERS;
}
