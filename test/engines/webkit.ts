/**
 * WebKit, driven over classic WebDriver with `selenium-webdriver` and Debian's `WebKitWebDriver`
 * (webkit2gtk-driver), which starts WebKitGTK's MiniBrowser. MiniBrowser needs an X display: when
 * there is none, a private Xvfb is started for the session and stopped with it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { Builder, By, Key, type WebDriver } from "selenium-webdriver";
import { COLLECT_PROBLEMS, sleep, type Engine } from "./engine.ts";

const DRIVER = process.env["WEBKIT_DRIVER_PATH"] ?? "/usr/bin/WebKitWebDriver";
const MINIBROWSER =
  process.env["WEBKIT_BROWSER_PATH"] ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** A private X display (`Xvfb -displayfd`): its number, and the process to stop. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(
      "Xvfb",
      ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
      {
        stdio: ["ignore", "ignore", "ignore", "pipe"],
      },
    );
    xvfb.once("error", (error) => {
      reject(new Error(`Xvfb could not start (apt-get install -y xvfb): ${error.message}`));
    });
    xvfb.stdio[3]?.once("data", (data: Buffer) => {
      resolve({ display: `:${data.toString().trim()}`, process: xvfb });
    });
  });
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver. */
export async function launchWebKit(): Promise<Engine> {
  for (const [path, pkg] of [
    [DRIVER, "webkit2gtk-driver"],
    [MINIBROWSER, "webkit2gtk-driver"],
  ] as const) {
    if (!existsSync(path)) {
      throw new Error(`No ${path}. Install Debian's ${pkg} (as root: apt-get install -y ${pkg}).`);
    }
  }
  const xvfb = process.env["DISPLAY"] ? null : await startXvfb();
  const env = xvfb ? { ...process.env, DISPLAY: xvfb.display } : process.env;
  const port = await freePort();
  const service = spawn(DRIVER, [`--port=${String(port)}`], { env, stdio: "ignore" });
  let driver: WebDriver | null = null;
  for (let attempt = 0; !driver; attempt++) {
    try {
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${String(port)}`)
        .withCapabilities({
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        })
        .build();
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(100); // the driver is still starting
    }
  }
  const session = driver;
  const version = await session.executeScript<string>(
    "return /AppleWebKit\\/([\\d.]+)/.exec(navigator.userAgent)?.[1] ?? '?'",
  );
  return {
    name: `WebKitGTK (AppleWebKit/${version})`,
    async open(url) {
      await session.get(url);
      await session.executeScript(COLLECT_PROBLEMS);
    },
    value: async <T>(expression: string) => session.executeScript<T>(`return (${expression});`),
    async click(css) {
      await session.findElement(By.css(css)).click();
    },
    async typeLine(css, text) {
      await session.findElement(By.css(css)).sendKeys(text, Key.ENTER);
    },
    problems: async () => session.executeScript<string[]>("return window.__engineProblems ?? [];"),
    async close() {
      await session.quit();
      service.kill();
      xvfb?.process.kill();
    },
  };
}
