/**
 * One browser tab driven over the DevTools protocol alone, for what Playwright cannot drive: a
 * restore from the back/forward cache (e2e/back-forward.spec.ts). Puppeteer launches Chromium and
 * opens the tab; reads, clicks and typing then go over the tab's own protocol session, not
 * through Puppeteer's page, and follow the tab when Chromium gives it a new target:
 *
 * - `page.evaluate` after a restore failed for 30 s in CI (a core busy): it sends to the
 *   execution context Puppeteer keeps for the frame, and that map is known to go stale on a
 *   restore (puppeteer/puppeteer#8197). `Runtime.evaluate` without a context runs in the
 *   document on screen.
 * - The tab's session itself was closed on a restore in CI, quiet ("Session closed. Most likely
 *   the page has been closed"): the restored page came back as another target. The tab then
 *   attaches to the page target that is there now.
 *
 * What the page reports as a problem (an uncaught error, a console error, a failed load) is
 * collected from every session the tab attaches, as the shared fixture collects it.
 */
import {
  TargetType,
  type Browser,
  type CDPSession,
  type Page,
  type Protocol,
  type Target,
} from "puppeteer-core";
import { PAGE_WAIT_MS } from "./waits.ts";

/** How the browser process ended, once it has, and its last lines on stderr. */
class BrowserWatch {
  readonly lines: string[] = [];
  /** "SIGTRAP" or "status 0", once the process has exited. */
  ended: string | undefined;
  /** Resolves as the process exits, with how. */
  readonly exited: Promise<string>;

  constructor(browser: Browser) {
    const child = browser.process();
    child?.stderr?.on("data", (chunk: Buffer) => {
      this.lines.push(...String(chunk).split("\n").filter(Boolean));
      this.lines.splice(0, Math.max(0, this.lines.length - 40));
    });
    this.exited = new Promise((resolve) => {
      child?.on("exit", (code, signal) => {
        this.ended = signal ?? `status ${String(code)}`;
        resolve(this.ended);
      });
    });
  }

  said(): string {
    const how = this.ended
      ? `the browser process exited (${this.ended})`
      : "the browser is running";
    return [how, ...this.lines.map((l) => `  chromium: ${l}`)].join("\n");
  }
}

const closed = (error: unknown): boolean =>
  /Session closed|Target closed|detached/i.test(String(error));

export class Tab {
  readonly problems: string[] = [];
  /**
   * The browser process: whether it ended, how, and what it said. A failed read says only
   * "Connection closed"; CI's (Chromium 156, on the restore) was the browser crashing (SIGTRAP).
   */
  readonly browser: BrowserWatch;
  readonly #browser: Browser;
  #session: Promise<CDPSession>;

  constructor(page: Page) {
    this.#browser = page.browser();
    this.browser = new BrowserWatch(this.#browser);
    this.#session = this.#attach(page);
  }

  async #attach(on: Page | Target): Promise<CDPSession> {
    const session = await on.createCDPSession();
    session.on("Runtime.exceptionThrown", (event) => {
      const { exceptionDetails: details } = event;
      this.problems.push(`page error: ${details.exception?.description ?? details.text}`);
    });
    session.on("Runtime.consoleAPICalled", (event) => {
      if (event.type !== "error") return;
      const words = event.args.map((a) => String(a.value ?? a.description ?? "")).join(" ");
      this.problems.push(`console error: ${words}`);
    });
    session.on("Log.entryAdded", ({ entry }) => {
      if (entry.level === "error") this.problems.push(`${entry.source} error: ${entry.text}`);
    });
    await Promise.all([session.send("Runtime.enable"), session.send("Log.enable")]);
    return session;
  }

  /** After a closed session: the tab's page target as it is now (the newest page target). */
  async #reattach(): Promise<CDPSession> {
    const deadline = Date.now() + PAGE_WAIT_MS;
    for (;;) {
      if (this.browser.ended) throw new Error(this.browser.said());
      const pages = this.#browser.targets().filter((t) => t.type() === TargetType.PAGE);
      const target = pages.at(-1);
      if (target) {
        try {
          return await this.#attach(target);
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      } else if (Date.now() > deadline) throw new Error("the tab has no page target");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A protocol command on the tab's session, sent again on the tab's new target if it moved. */
  async send<T>(method: string, params: object = {}): Promise<T> {
    const sent = async (): Promise<T> =>
      (await (await this.#session).send(method as "Runtime.evaluate", params as never)) as T;
    try {
      return await sent();
    } catch (error) {
      if (!closed(error)) throw error;
      this.#session = this.#reattach();
      return sent();
    }
  }

  /** `fn(arg)` run in the document on screen; its value, or the page's exception as an error. */
  async evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R> {
    const { result, exceptionDetails } = await this.send<{
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>("Runtime.evaluate", {
      expression: `(${fn.toString()})(${arg === undefined ? "" : JSON.stringify(arg)})`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails)
      throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as R;
  }

  /**
   * Back one entry, as the browser's own Back button goes (from the browser side), and how the
   * page came back once it has: "BackForwardCacheRestore" from the cache. Nothing is evaluated
   * in the page until then. On Chromium 156, a core busy, `history.back()` evaluated in the page
   * and then reads every 100 ms lost the browser (it exited, SIGTRAP; in CI each time) or the
   * call in 8 of 50 runs; this way the browser still crashed in 2 of 30, which is why the spec
   * makes its visit again when it does.
   */
  async back(): Promise<string> {
    const session = await this.#session;
    await session.send("Page.enable");
    let timer: NodeJS.Timeout | undefined;
    let navigated: (event: Protocol.Page.FrameNavigatedEvent) => void = () => undefined;
    const came = new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new Error(`no page came back in ${String(PAGE_WAIT_MS)} ms\n${this.browser.said()}`),
        );
      }, PAGE_WAIT_MS);
      navigated = ({ frame, type }) => {
        if (frame.parentId === undefined) resolve(type);
      };
      session.on("Page.frameNavigated", navigated);
    });
    const { currentIndex, entries } = await this.send<{
      currentIndex: number;
      entries: { id: number }[];
    }>("Page.getNavigationHistory");
    const previous = entries[currentIndex - 1];
    if (!previous) throw new Error("no page to go back to");
    await this.send("Page.navigateToHistoryEntry", { entryId: previous.id });
    const gone = this.browser.exited.then((how) => {
      throw new Error(`the browser process exited (${how}) on the way back`);
    });
    return Promise.race([came, gone]).finally(() => {
      clearTimeout(timer);
      session.off("Page.frameNavigated", navigated);
    });
  }

  /** A left click at (x, y) of the viewport. */
  async click(x: number, y: number): Promise<void> {
    const at = { x, y, button: "left", clickCount: 1 };
    await this.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    await this.send("Input.dispatchMouseEvent", { type: "mousePressed", ...at });
    await this.send("Input.dispatchMouseEvent", { type: "mouseReleased", ...at });
  }

  /** Ctrl+A in the focused element, as a reader's keyboard sends it. */
  async selectAll(): Promise<void> {
    const key = { key: "a", code: "KeyA", windowsVirtualKeyCode: 65, modifiers: 2 };
    await this.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...key });
    await this.send("Input.dispatchKeyEvent", { type: "keyUp", ...key });
  }

  /** Text typed into the focused element at once (as a paste or an input method does). */
  async insertText(text: string): Promise<void> {
    await this.send("Input.insertText", { text });
  }
}
