/** What the site's service worker has cached, read from the page (see src/service-worker/). */
import type { Page } from "@playwright/test";

export interface PrecacheIndex {
  deploy: string;
  have: Record<string, string>;
  kept: string[];
}

/** The service worker's index for the page's site, written when a precache completes; or null. */
export function precacheIndex(page: Page): Promise<PrecacheIndex | null> {
  return page.evaluate(async () => {
    const base = document.querySelector<HTMLElement>("script[data-base]")?.dataset["base"] ?? "/";
    const cache = await caches.open(`python-halted ${base}`);
    const index = await cache.match(new URL(`${base}__precache-index__`, location.href));
    return index ? ((await index.json()) as PrecacheIndex) : null;
  });
}

/** The page's service worker registration, in words: each worker's state (for a failure message). */
export function registrationState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return "no registration";
    const { installing, waiting, active } = registration;
    return `installing: ${installing?.state ?? "none"}, waiting: ${waiting?.state ?? "none"}, active: ${active?.state ?? "none"}`;
  });
}
