/**
 * The accessibility audit every e2e test uses: axe-core with the WCAG 2.1 A/AA rules, its
 * violations as one readable line each, so `expect(...).toEqual([])` prints what failed and where.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Audits the page as it is now; each violation as `label: rule: selectors`. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map(
    (v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/**
 * Audits the page in the light and then the dark theme, switched the way a reader's system
 * switches them (`prefers-color-scheme`); leaves the page emulating dark.
 */
export async function axeViolationsInBothThemes(page: Page): Promise<string[]> {
  const violations: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    violations.push(...(await axeViolations(page, scheme)));
  }
  return violations;
}
