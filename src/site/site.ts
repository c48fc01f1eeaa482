/**
 * Site-wide constants and URL helpers. Every internal link goes through `href()` so the site works
 * under a sub-path (`base`) as well as at a domain root.
 */
import { underBase } from "./base-path.ts";

export const SITE_NAME = "Python, halted";
export const SITE_DESCRIPTION =
  "Interactive Python tutorials whose examples run in your browser and show exactly how each program ended.";

/** Joins the configured base with a site-relative path (no leading slash needed). */
export function href(path: string): string {
  return underBase(import.meta.env.BASE_URL, path);
}

/** Formats a frontmatter date for readers, in UTC so the build machine's zone never shifts it. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString("en", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}
