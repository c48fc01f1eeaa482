/**
 * The shared test fixture: a page that fails its test on any page error, console error, failed
 * request, HTTP error or request to another origin. Console noise is never read as success.
 */
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL ?? "http://localhost:4321").origin;
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      // Chromium logs the intentional 404 document itself as a failed resource; nothing else is excused.
      if (m.type() === "error" && !m.location().url.includes("/no-such-page")) {
        problems.push(`console error: ${m.text()}`);
      }
    });
    page.on("requestfailed", (r) => {
      const reason = r.failure()?.errorText ?? "";
      // ERR_ABORTED is the browser cancelling a request because the page navigated away (e.g. the
      // background Pyodide prefetch on a page the test leaves); every other failure counts.
      if (reason !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${reason}`);
    });
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith("http") && url.origin !== origin)
        problems.push(`other origin: ${r.url()}`);
    });
    page.on("response", (r) => {
      // The 404 page is served with status 404 on purpose; anything else >= 400 is a problem.
      if (r.status() >= 400 && !r.url().includes("/no-such-page"))
        problems.push(`HTTP ${String(r.status())}: ${r.url()}`);
    });
    await use(problems);
    expect(problems, problems.join("\n")).toEqual([]);
  },
});

export { expect };

/** Every page of the built site, for tests that visit them all. */
export const PAGES = [
  "/",
  "/halt-python-script/",
  "/halt-python-script/sys-exit/",
  "/halt-python-script/os-exit/",
  "/halt-python-script/custom-exception/",
  "/halt-python-script/keyboard-interrupt/",
  "/halt-python-script/comparison/",
  "/playground/",
  "/no-such-page/",
] as const;
