/** Helpers for runnable-block tests, written against the block contract (see python-block.ts). */
import { test, type CDPSession, type Locator, type Page } from "@playwright/test";
import { expect } from "./fixtures.ts";
import { playgroundPath } from "./pages.ts";
import { PAGE_WAIT_MS } from "./waits.ts";

/**
 * Opens a page and, where the project expects cross-origin isolation, waits for it: on the bare
 * static server the service worker provides it with one automatic reload.
 */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForIsolation(page);
}

/** Waits until the page is cross-origin isolated (not in the `no-sw` project, where it never is). */
export async function waitForIsolation(page: Page): Promise<void> {
  if (test.info().project.name === "no-sw") return;
  await expect
    .poll(() => page.evaluate(() => globalThis.crossOriginIsolated).catch(() => false), {
      timeout: PAGE_WAIT_MS,
    })
    .toBe(true);
}

/** The n-th runnable block on the page (0-based), once its editor is ready. */
export async function readyBlock(page: Page, n = 0): Promise<Locator> {
  const block = page.locator("[data-runnable]").nth(n);
  await expect(block).toHaveAttribute("data-editor", "ready");
  return block;
}

/**
 * Turns Save-Data on for `page` (Chromium's `navigator.connection.saveData`): nothing loads Python
 * before Run. Returns the CDP session, for more emulation on the same page.
 */
export async function saveData(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setDataSaverOverride", { dataSaverEnabled: true });
  return cdp;
}

/** Opens the playground with `source` loaded from the URL fragment. */
export async function playground(page: Page, source: string): Promise<Locator> {
  await visit(page, playgroundPath(source));
  return readyBlock(page);
}

export const runButton = (block: Locator): Locator => block.getByRole("button", { name: /^Run/ });
export const stopButton = (block: Locator): Locator => block.getByRole("button", { name: /^Stop/ });
export const log = (block: Locator): Locator => block.getByRole("log");
export const ending = (block: Locator): Locator => block.locator('[role="status"][data-outcome]');

/** Clicks Run and waits for the program to be running. */
export async function startRun(block: Locator): Promise<void> {
  await runButton(block).click();
  await expect(block).toHaveAttribute("data-state", "running");
}

/** Clicks Run and waits for the ending; returns the status element. */
export async function runToEnd(block: Locator): Promise<Locator> {
  await runButton(block).click();
  await expect(block).toHaveAttribute("data-state", "done");
  return ending(block);
}

/** Replaces the block's code as a reader pasting it would (no auto-indent, no key events). */
export async function setCode(page: Page, block: Locator, source: string): Promise<void> {
  await block.getByRole("textbox", { name: /editable code/ }).click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(source);
}

/** The 1-based line of `block`'s editor that holds the cursor (0 when it has none). */
export function cursorLine(block: Locator): Promise<number> {
  return block.getByRole("textbox", { name: /editable code/ }).evaluate((el) => {
    const anchor = document.getSelection()?.anchorNode;
    const line = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest(".cm-line");
    return line ? [...el.querySelectorAll(".cm-line")].indexOf(line) + 1 : 0;
  });
}
