/**
 * Targets a finger must hit (#26): the interrupt-at-line rings, "The way out" and the toolbar's
 * buttons are at least 24 × 24 px (WCAG 2.5.8), and 44 px where the pointer is coarse and the
 * layout leaves room (a ring's height is its code line's, 24.5 px).
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { playground, runToEnd } from "./blocks.ts";

const SOURCE = "import sys\nprint('one')\nprint('two')\nsys.exit(0)\n";

async function boxes(locator: Locator): Promise<{ width: number; height: number }[]> {
  return locator.evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { width: r.width, height: r.height };
    }),
  );
}

async function checkTargets(page: Page, coarse: boolean): Promise<void> {
  expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(coarse);
  const block = await playground(page, SOURCE);
  await expect(await runToEnd(block)).toHaveAttribute("data-exit-code", "0");
  const wide = coarse ? 44 : 24;
  const rings = await boxes(block.locator(".pb-int-mark:visible"));
  expect(rings.length).toBeGreaterThanOrEqual(4);
  for (const ring of rings) {
    expect(ring.width).toBeGreaterThanOrEqual(wide);
    expect(ring.height).toBeGreaterThanOrEqual(24);
  }
  const [summary] = await boxes(block.locator(".pb-wayout > summary"));
  expect(summary?.height ?? 0).toBeGreaterThanOrEqual(wide);
  const buttons = await boxes(block.locator(".pb-toolbar button:visible"));
  expect(buttons.length).toBeGreaterThanOrEqual(4);
  for (const button of buttons) {
    expect(button.width).toBeGreaterThanOrEqual(wide);
    expect(button.height).toBeGreaterThanOrEqual(wide);
  }
}

test.describe("on a phone (360 px, touch)", () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });
  test("rings, the way out and the toolbar are 44 px targets where there is room, 24 px at least", async ({
    page,
    problems,
  }) => {
    await checkTargets(page, true);
    expect(problems).toEqual([]);
  });
});

test("with a mouse, every such target is at least 24 x 24 px", async ({ page, problems }) => {
  await checkTargets(page, false);
  expect(problems).toEqual([]);
});
