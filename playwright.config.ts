/**
 * Playwright runs against the built site, in Debian's Chromium (this machine cannot download
 * Playwright's own browsers), in five projects:
 *
 * - `headers`: `astro preview` (the `npm start` server), which sends COOP/COEP: every test.
 * - `plain`: a bare static server with no special headers: the service worker must provide
 *   cross-origin isolation, and every runnable-block test must still pass; plus offline.
 * - `no-sw`: the bare server with service workers blocked: the honest degraded mode, which keeps
 *   every sandbox guarantee that does not need shared memory. The other two ways to lack shared
 *   memory are `no-shared-array-buffer.spec.ts` (headers) and `not-isolated-yet.spec.ts` (plain).
 * - `subpath`: a build with `BASE_PATH=/repo/`, served under `/repo/` with the headers.
 * - `deploy`: two builds served in turn, and two sites on one origin (its server is in the test).
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/browser.ts";
import { PAGE_WAIT_MS } from "./e2e/waits.ts";

const node = process.execPath;
const astro = "node_modules/astro/bin/astro.mjs";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env["CI"] ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: PAGE_WAIT_MS },
  use: {
    // A failed test keeps its trace (actions, network, console, sources) without screencast or
    // DOM snapshots: recording them for every test cost CPU the pages under test share (measured:
    // 17 tests on 2 workers, 72-81 s with snapshots, 59-61 s without, 59 s with no trace at all).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: "headers",
      testIgnore: [
        "degraded.spec.ts",
        "not-isolated-yet.spec.ts",
        "subpath.spec.ts",
        "offline.spec.ts",
        "deploy.spec.ts",
        "first-visit.spec.ts",
      ],
      use: { browserName: "chromium", baseURL: "http://localhost:4321" },
    },
    {
      name: "plain",
      testMatch: [
        "runnable.spec.ts",
        "offline.spec.ts",
        "sandbox.spec.ts",
        "headers.spec.ts",
        "page-turn.spec.ts",
        "terminal.spec.ts",
        "not-isolated-yet.spec.ts",
        "back-forward.spec.ts",
      ],
      use: { browserName: "chromium", baseURL: "http://localhost:4322" },
    },
    {
      name: "no-sw",
      testMatch: ["degraded.spec.ts", "sandbox.spec.ts"],
      use: { browserName: "chromium", baseURL: "http://localhost:4322", serviceWorkers: "block" },
    },
    {
      // Serves its own builds from inside the test (e2e/deploy.spec.ts: in turn; first-visit.spec.ts:
      // as a host without the site's headers).
      name: "deploy",
      testMatch: ["deploy.spec.ts", "first-visit.spec.ts"],
      use: { browserName: "chromium", baseURL: "http://localhost:4324/" },
    },
    {
      name: "subpath",
      testMatch: ["subpath.spec.ts", "headers.spec.ts"],
      // Relative paths (`visit(page, "playground/")`) resolve under the sub-path.
      use: { browserName: "chromium", baseURL: "http://localhost:4323/repo/" },
    },
  ],
  webServer: [
    {
      command: `${node} ${astro} preview --port 4321`,
      url: "http://localhost:4321/",
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
    {
      command: `${node} e2e/static-server.mjs dist 4322`,
      url: "http://localhost:4322/",
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
    {
      // astro preview allows one server per project, so the sub-path build gets the test server,
      // sending the isolation headers as a configured host would.
      command: `${node} e2e/static-server.mjs dist-subpath 4323 --base /repo/ --isolate`,
      url: "http://localhost:4323/repo/",
      reuseExistingServer: !process.env["CI"],
      timeout: 60_000,
    },
  ],
});
