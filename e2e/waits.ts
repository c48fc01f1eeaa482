/**
 * How long a test waits for what the page must do — an editor ready, a run started or ended, a
 * way-out step drawn — before it fails: Playwright's `expect` timeout for every test (the config's
 * own, not its 5 s default). Sized for a slow, busy machine: on 2 cores with the other one busy, a
 * cold context's page boots Python from its snapshot in 3-10 s, and a first visit under the
 * service worker reloads once before that. A wait that needs longer (a precache, a whole-site
 * download) says so where it waits.
 */
export const PAGE_WAIT_MS = 30_000;
