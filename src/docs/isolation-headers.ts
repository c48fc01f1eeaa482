/**
 * The headers that make a page cross-origin isolated (so it may use SharedArrayBuffer: Stop as
 * SIGINT, `input()`, live output). One list for every place that sends them: the dev and
 * preview server (`astro.config.mjs`), the `_headers` file for hosts that read one, the service
 * worker that adds them on hosts that cannot, and the e2e test server's `--isolate`.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};
