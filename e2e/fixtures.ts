/**
 * The shared test fixture: a page that fails its test on any page error, console error, failed
 * request, HTTP error or request to another origin. Console noise is never read as success.
 */
import { test as base, expect } from "@playwright/test";
import { NOT_FOUND } from "./pages.ts";

export const test = base.extend<{ problems: string[] }>({
  // Every page emulates a device with 2 GB of memory (navigator.deviceMemory), on which the
  // runner keeps one spare interpreter booted instead of two (src/client/spare-worker.ts). A
  // second spare only makes a second Run instant; in a test it was booted and thrown away, some
  // 1.5 s of CPU per page on a machine the other test shares. `npm run bench` and test/engines
  // keep measuring and waiting for two.
  context: async ({ context }, use) => {
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "deviceMemory", { get: () => 2 });
    });
    await use(context);
  },
  problems: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    const origin = new URL(baseURL ?? "http://localhost:4321").origin;
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      // Chromium logs the intentional 404 document itself as a failed resource; nothing else is excused.
      if (m.type() === "error" && !m.location().url.includes(NOT_FOUND)) {
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
      if (r.status() >= 400 && !r.url().includes(NOT_FOUND))
        problems.push(`HTTP ${String(r.status())}: ${r.url()}`);
    });
    await use(problems);
    expect(problems, problems.join("\n")).toEqual([]);
  },
});

export { expect };
