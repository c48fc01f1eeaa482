/**
 * Which Chromium Playwright drives. Debian's by default; `CHROMIUM_PATH` overrides it. A missing
 * browser fails at config time with the way to get one, instead of Playwright's download hint.
 */
import { existsSync } from "node:fs";

/** Absolute path of the Chromium binary to launch. */
export function chromiumPath(): string {
  const path = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Install Debian's (as root: apt-get install -y chromium) ` +
        "or point CHROMIUM_PATH at a Chromium or Chrome binary. " +
        "Playwright cannot download its own browsers on this network.",
    );
  }
  return path;
}

/** Chromium flags for tests and benchmarks: without them Chromium keeps dialling out here. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
