/**
 * Deploys as a returning reader meets them: two builds served in turn on one origin (the second
 * is the first with one article page reworded and the runner's worker renamed, as a change to it
 * would), and two sites under two paths of one origin.
 */
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { buildManifest, writeServiceWorker } from "../src/docs/integration.ts";
import { expect, test } from "./fixtures.ts";
import { log, playground, readyBlock, runToEnd, visit } from "./blocks.ts";
import { precacheIndex, registrationState } from "./sw.ts";
import { siteServer } from "./static-server.mjs";

const PORT = 4324;
const FIRST = "dist";
const SUBPATH = "dist-subpath";
let second = "";

/** Deploy 2: `dist` with the os._exit page reworded and the runner's worker renamed. */
function secondDeploy(): string {
  const dir = mkdtempSync(join(tmpdir(), "python-halted-deploy-"));
  cpSync(FIRST, dir, { recursive: true });
  const page = join(dir, "halt-python-script/os-exit/index.html");
  writeFileSync(page, readFileSync(page, "utf8").replace("</main>", "<p>Deploy two.</p></main>"));
  const workers = join(dir, "_astro/worker");
  const [worker = ""] = readdirSync(workers).filter((f) => f.endsWith(".js"));
  const renamed = worker.replace(/\.js$/, "-two.js");
  renameSync(join(workers, worker), join(workers, renamed));
  for (const f of readdirSync(join(dir, "_astro")).filter((n) => n.endsWith(".js"))) {
    const text = readFileSync(join(dir, "_astro", f), "utf8");
    if (text.includes(worker))
      writeFileSync(join(dir, "_astro", f), text.replaceAll(worker, renamed));
  }
  writeServiceWorker(dir);
  return dir;
}

const requested: string[] = [];
const server = siteServer({
  sites: [
    { base: "/repo/", dir: SUBPATH },
    { base: "/", dir: FIRST },
  ],
  isolate: true,
  onRequest: (path) => requested.push(path),
});

// Each test precaches the whole site (about 20 MB) once or twice and boots Python: on a busy
// machine that takes longer than the default minute.
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.beforeAll(async () => {
  second = secondDeploy();
  await server.listen(PORT);
});
test.afterAll(async () => {
  await server.close();
  rmSync(second, { recursive: true, force: true });
});

/** Runs the page's first block: a first run is what asks the service worker to cache the site. */
async function runOnce(page: Page): Promise<void> {
  await expect(await runToEnd(await readyBlock(page))).toHaveAttribute("data-exit-code", "0");
}

/** Waits for the page's service worker to finish caching the site; resolves its index. */
async function precached(page: Page, notDeploy = "") {
  try {
    await expect
      .poll(async () => (await precacheIndex(page))?.deploy ?? "", { timeout: 90_000 })
      .not.toMatch(new RegExp(`^(${notDeploy})?$`));
  } catch (error) {
    // Where it stuck: a worker waiting to activate, or activating (its precache), and what the
    // server was asked for since the deploy.
    const state = await registrationState(page);
    throw new Error(`${state}; requested: ${requested.join(" ")}`, { cause: error });
  }
  const index = await precacheIndex(page);
  if (!index) throw new Error("no precache index");
  return index;
}

test("a deploy re-downloads only the files it changed, and a tab opened before it still runs", async ({
  page,
  context,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  await runOnce(page);
  const first = await precached(page);
  expect(Object.keys(first.have).length).toBe(Object.keys(buildManifest(FIRST)).length);
  // A tab opened before the deploy, with Python booted.
  const old = await context.newPage();
  const block = await playground(old, "print('still here')\n");
  await expect(old.locator("html")).toHaveAttribute("data-runner-state", "idle", {
    timeout: 60_000,
  });

  requested.length = 0;
  server.deploy([
    { base: "/repo/", dir: SUBPATH },
    { base: "/", dir: second },
  ]);
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  const next = await precached(page, first.deploy);
  const before = buildManifest(FIRST);
  const after = buildManifest(second);
  const changed = Object.keys(after).filter((path) => before[path] !== after[path]);
  expect(changed.length).toBeGreaterThanOrEqual(3); // the page, the worker, the script naming it
  const fetched = requested.filter((path) => path !== "/sw.js");
  expect(fetched.sort()).toEqual(changed.map((p) => `/${p === "./" ? "" : p}`).sort());
  expect(Object.keys(next.have)).toEqual(expect.arrayContaining(Object.keys(before)));

  // The old tab: each run has a fresh worker, and the second one's script is the old deploy's.
  for (let i = 0; i < 2; i += 1) {
    await expect(await runToEnd(block)).toHaveAttribute("data-exit-code", "0");
    await expect(log(block)).toHaveText("still here");
  }
  // The new deploy's page, from the network.
  await page.goto("halt-python-script/os-exit/");
  await expect(page.getByText("Deploy two.")).toBeVisible();
  await readyBlock(page);
  expect(problems).toEqual([]);
});

test("two sites under two paths of one origin keep both caches", async ({ page, problems }) => {
  await visit(page, "repo/halt-python-script/sys-exit/");
  await runOnce(page);
  await precached(page);
  await visit(page, "halt-python-script/sys-exit/");
  await runOnce(page);
  await precached(page);
  const names = await page.evaluate(() => caches.keys());
  expect(names).toEqual(expect.arrayContaining(["python-halted /", "python-halted /repo/"]));
  await visit(page, "repo/halt-python-script/sys-exit/");
  expect(await precacheIndex(page)).not.toBeNull();
  expect(problems).toEqual([]);
});
