/**
 * Firefox, driven over WebDriver BiDi with `puppeteer-core` (Firefox's own remote agent; no
 * geckodriver, no download). Debian's `firefox-esr` by default, or `FIREFOX_PATH`.
 */
import { existsSync } from "node:fs";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { COLLECT_PROBLEMS, type Engine } from "./engine.ts";

export const FIREFOX_PATH = process.env["FIREFOX_PATH"] ?? "/usr/bin/firefox-esr";

/** Firefox with `prefs` set (e.g. service workers off), one page. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Engine> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `No Firefox at ${FIREFOX_PATH}. Install Debian's (as root: apt-get install -y firefox-esr) ` +
        "or point FIREFOX_PATH at a Firefox binary.",
    );
  }
  const browser: Browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // No update checks, telemetry or remote settings: nothing may dial out here.
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "network.connectivity-service.enabled": false,
      ...prefs,
    },
  });
  const page: Page = await browser.newPage();
  const seen: string[] = [];
  page.on("pageerror", (error) => {
    seen.push(`page error: ${error instanceof Error ? error.message : String(error)}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.push(`console error: ${message.text()}`);
  });
  const name = `Firefox ${(await browser.version()).replace(/^firefox\//i, "")}`;
  return {
    name,
    async open(url) {
      seen.length = 0;
      await page.goto(url, { waitUntil: "load" });
      await page.evaluate(COLLECT_PROBLEMS);
    },
    value: async <T>(expression: string) => (await page.evaluate(expression)) as T,
    async click(css) {
      await page.click(css);
    },
    async typeLine(css, text) {
      await page.type(css, text);
      await page.keyboard.press("Enter");
    },
    async problems() {
      const inPage = await page.evaluate("window.__engineProblems ?? []");
      return [...seen, ...(inPage as string[])];
    },
    close: () => browser.close(),
  };
}
