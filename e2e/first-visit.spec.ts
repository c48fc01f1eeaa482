/**
 * A first visit on a host that sends none of the site's headers (as GitHub Pages): the page
 * installs the service worker and reloads once into cross-origin isolation, and the worker starts
 * the runtime's download as the page reloads (src/service-worker/ahead.js). Counted at the
 * server: each runtime file is still requested once, and not at all while the reader saves data
 * and has not pressed Run.
 */
import { expect, test } from "./fixtures.ts";
import { readyBlock, runButton, runToEnd, saveData, visit } from "./blocks.ts";
import { siteServer } from "./static-server.mjs";

const PORT = 4325;
const SITE = `http://localhost:${String(PORT)}/`;
/** What the page downloads of the runtime, at least (every file of `dist/pyodide/` but the scripts). */
const RUNTIME = [
  "/pyodide/pyodide.asm.wasm",
  "/pyodide/interpreter.snapshot.gz",
  "/pyodide/python_stdlib.zip",
  "/pyodide/pyodide-lock.json",
];

const requested: string[] = [];
const server = siteServer({
  sites: [{ base: "/", dir: "dist" }],
  onRequest: (path) => requested.push(path),
});

test.use({ baseURL: SITE });
// Both tests share the server's count: one at a time.
test.describe.configure({ mode: "serial" });
test.beforeAll(() => server.listen(PORT));
test.afterAll(() => server.close());
test.beforeEach(() => {
  requested.length = 0;
});

const runtimeRequests = () => requested.filter((path) => path.startsWith("/pyodide/"));
/** How many times the article page was loaded: twice is the reload into isolation. */
const pageLoads = () => requested.filter((path) => path === "/halt-python-script/sys-exit/").length;

test("a first visit downloads each runtime file once, through the reload into isolation, and runs", async ({
  page,
  problems,
}) => {
  await visit(page, "halt-python-script/sys-exit/");
  const status = await runToEnd(await readyBlock(page));
  await expect(status).toHaveAttribute("data-exit-code", "0");
  expect(pageLoads(), "the page and its reload into isolation").toBe(2);
  const runtime = runtimeRequests();
  expect(runtime).toEqual(expect.arrayContaining(RUNTIME));
  expect(runtime, "no runtime file twice").toEqual([...new Set(runtime)]);
  expect(problems).toEqual([]);
});

test("saving data, a first visit downloads no runtime file until Run, through the reload too", async ({
  page,
  problems,
}) => {
  await saveData(page);
  // The terminal's script loads when a block comes into view, in the same step as a prefetch
  // would: once it has loaded, any download that was going to start ahead had its chance.
  const terminal = page.waitForResponse(/\/_astro\/terminal-model\.[^/]*\.js$/);
  await visit(page, "halt-python-script/sys-exit/");
  const block = await readyBlock(page);
  await terminal;
  await page.mouse.wheel(0, 1500);
  expect(pageLoads(), "the page and its reload into isolation").toBe(2);
  expect(runtimeRequests()).toEqual([]);
  await runButton(block).scrollIntoViewIfNeeded();
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  expect(runtimeRequests()).toEqual(expect.arrayContaining(RUNTIME));
  expect(problems).toEqual([]);
});
