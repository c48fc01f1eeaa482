/**
 * Playwright runs against the built site served by `astro preview` (the same server as
 * `npm start`), in Debian's Chromium: this machine cannot download Playwright's own browsers.
 */
import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./e2e/browser.ts";

const port = Number(process.env["E2E_PORT"] ?? 4321);

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: process.env["CI"] ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${String(port)}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node node_modules/astro/bin/astro.mjs preview --port ${String(port)}`,
    url: `http://localhost:${String(port)}/`,
    reuseExistingServer: !process.env["CI"],
    timeout: 60_000,
  },
});
