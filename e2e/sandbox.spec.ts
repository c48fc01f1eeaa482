/**
 * A shared playground link is hostile code: each test here runs an attack a link could carry and
 * fails if the attack works. Runs in every server setup (headers, service worker, sub-path).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures.ts";
import {
  ending,
  log,
  playground,
  runToEnd,
  setCode,
  startRun,
  stopButton,
  visit,
  readyBlock,
} from "./blocks.ts";

const MARK = "PLANTED_BY_SNIPPET";

/** Python for the attack programs: `attempt(name, action)` notes whether each try got through. */
const ATTEMPT = `tried = []
def attempt(name, action):
    try:
        action()
        tried.append(name + " worked")
    except BaseException:
        tried.append(name + " refused")
`;

/** Every cached response's text that carries `MARK` (an empty list when the site is clean). */
async function plantedInCaches(page: import("@playwright/test").Page): Promise<string[]> {
  return page.evaluate(async (mark) => {
    const found: string[] = [];
    if (!("caches" in globalThis)) return found;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const text = response ? await response.clone().text() : "";
        if (text.includes(mark) || name.includes(mark)) found.push(`${name}: ${request.url}`);
      }
    }
    return found;
  }, MARK);
}

test("a program cannot write into any cache; after a reload the site still runs its own code", async ({
  page,
  problems,
}) => {
  const source = `import js
from pyodide.ffi import create_proxy
url = js.location.href
${ATTEMPT}def plant(storage):
    storage.open("python-halted-${MARK}").then(create_proxy(lambda c: c.put(url, js.Response.new("${MARK}"))))
attempt("caches", lambda: plant(js.caches))
attempt("prototype", lambda: plant(js.Object.getPrototypeOf(js.self).caches))
attempt("run_js", lambda: __import__("pyodide.code").code.run_js("caches.open('${MARK}')"))
attempt("Function", lambda: js.Math.max.constructor("return caches.open('${MARK}')")())
attempt("indexedDB", lambda: js.indexedDB.open("${MARK}"))
attempt("storage", lambda: js.navigator.storage.getDirectory())
print(*tried, sep="\\n")
`;
  const block = await playground(page, source);
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-exit-code", "0");
  await expect(log(block)).not.toContainText("worked");
  expect(await plantedInCaches(page)).toEqual([]);
  await page.reload();
  const again = await readyBlock(page);
  await setCode(page, again, 'print("still ours")');
  await expect(await runToEnd(again)).toHaveAttribute("data-exit-code", "0");
  await expect(log(again)).toHaveText("still ours");
  expect(await plantedInCaches(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe("the network", () => {
  let server: Server;
  let seen: string[] = [];
  let target = "";
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method ?? "?"} ${req.url ?? "?"}`);
      res.writeHead(200, { "Access-Control-Allow-Origin": "*" }).end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    target = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("a program reaches no other server, whatever it tries", async ({ page, problems }) => {
    seen = [];
    const source = `import js
from pyodide.ffi import create_proxy
T = "${target}"
${ATTEMPT}attempt("fetch", lambda: js.fetch(T + "/fetch"))
attempt("xhr", lambda: (lambda x: (x.open("GET", T + "/xhr"), x.send()))(js.XMLHttpRequest.new()))
attempt("websocket", lambda: js.WebSocket.new(T.replace("http", "ws") + "/ws"))
attempt("eventsource", lambda: js.EventSource.new(T + "/sse"))
attempt("worker", lambda: js.Worker.new(T + "/worker.js"))
attempt("beacon", lambda: js.navigator.sendBeacon(T + "/beacon", "x"))
attempt("run_js", lambda: __import__("pyodide.code").code.run_js("import('" + T + "/run_js.js')"))
attempt("Function", lambda: js.Math.max.constructor("return import('" + T + "/function.js')")())
attempt("timer string", lambda: js.setTimeout("import('" + T + "/timer.js')", 0))
def pyfetch():
    from pyodide.http import pyfetch
    coroutine = pyfetch(T + "/pyfetch")
    try:
        coroutine.send(None)  # runs it up to its first await: the request, if any, is made
    except StopIteration:
        pass
    finally:
        coroutine.close()
attempt("pyfetch", pyfetch)
def open_url():
    from pyodide.http import open_url
    return open_url(T + "/open_url")
attempt("open_url", open_url)
print(*tried, sep="\\n")
import time
time.sleep(1)
`;
    const block = await playground(page, source);
    const status = await runToEnd(block);
    await expect(status).toHaveAttribute("data-outcome", "exit");
    await expect(log(block)).not.toContainText("worked");
    await page.waitForTimeout(500);
    expect(seen).toEqual([]);
    expect(problems).toEqual([]);
  });
});

test("what run A patches in its worker cannot touch run B", async ({ page, problems }) => {
  const attack = `import js
from pyodide.ffi import create_proxy
js.eval_patch = None
def forge(*args):
    return None
for name in ["postMessage"]:
    setattr(js.MessagePort.prototype, name, create_proxy(forge))
js.JSON.parse = create_proxy(lambda *a: js.Object.new())
js.Atomics.store = create_proxy(lambda *a: 0)
js.setTimeout(create_proxy(lambda: print("LEAKED FROM A")), 1500)
print("A done")
`;
  const block = await playground(page, attack);
  await runToEnd(block);
  await setCode(
    page,
    block,
    'import time\nprint("B starts")\ntime.sleep(2.5)\nraise ValueError("B failed")\n',
  );
  const status = await runToEnd(block);
  await expect(status).toHaveAttribute("data-outcome", "exception");
  await expect(status).toHaveAttribute("data-exit-code", "1");
  await expect(status).toContainText("ValueError: B failed");
  const text = await log(block).innerText();
  expect(text).toContain("B starts");
  expect(text).not.toContain("LEAKED");
  expect(text).not.toContain("A done");
  expect(problems).toEqual([]);
});

test("after a flood that swallows Stop is killed, each next run shows exactly its own output", async ({
  page,
  problems,
}) => {
  // Without shared memory output travels as messages, and a flood at full speed would swamp the
  // page (a known limit of the degraded mode); there the flood is paced.
  const pace = test.info().project.name === "no-sw" ? "\n            time.sleep(0.005)" : "";
  const flood = `import time
while True:
    try:
        while True:
            print("flood " * 10)${pace}
    except KeyboardInterrupt:
        pass
`;
  const block = await playground(page, flood);
  await startRun(block);
  await expect(log(block)).toContainText("flood");
  await stopButton(block).click();
  await expect(ending(block)).toHaveAttribute("data-outcome", "killed");
  for (let i = 1; i <= 5; i += 1) {
    await setCode(page, block, `print("run ${String(i)}")`);
    await expect(await runToEnd(block)).toHaveAttribute("data-exit-code", "0");
    await expect(log(block)).toHaveText(`run ${String(i)}`);
  }
  expect(problems).toEqual([]);
});

test("odd exit values and exceptions end promptly with CPython's status; a huge message stays bounded", async ({
  page,
  problems,
}) => {
  const cases: [string, string, string][] = [
    [
      "class W(int):\n    def __and__(self, other):\n        return 99\nimport sys\nsys.exit(W(3))\n",
      "exit",
      "3",
    ],
    ['e = SyntaxError("odd")\ne.msg = 42\nraise e\n', "exception", "1"],
    ['raise SyntaxError("zero", ("/home/reader/snippet.py", 0, 0, "x"))\n', "exception", "1"],
    ['raise ValueError("x" * 5_000_000)\n', "exception", "1"],
  ];
  const block = await playground(page, "pass");
  for (const [source, outcome, code] of cases) {
    await setCode(page, block, source);
    const status = await runToEnd(block);
    await expect(status).toHaveAttribute("data-outcome", outcome);
    await expect(status).toHaveAttribute("data-exit-code", code);
    expect((await status.innerText()).length).toBeLessThan(1000);
  }
  expect(problems).toEqual([]);
});

test("Run pressed as the page loads fetches the snapshot and the wasm once", async ({
  page,
  problems,
}) => {
  // The first visit settles isolation (on the bare server the service worker reloads once).
  await visit(page, "halt-python-script/sys-exit/");
  // …and its background prefetch has finished, so no request of this first load is counted.
  await expect(page.locator("html")).toHaveAttribute("data-runner-boot", /./, { timeout: 60_000 });
  const heavy: string[] = [];
  page.on("request", (r) => {
    if (/pyodide\.asm\.wasm|interpreter\.snapshot/.test(r.url())) heavy.push(r.url());
  });
  await page.reload();
  const block = page.locator("[data-runnable]").first();
  await block.getByRole("button", { name: /^Run/ }).click();
  await expect(block).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(ending(block)).toHaveAttribute("data-exit-code", "0");
  expect(heavy.filter((u) => u.includes("wasm"))).toHaveLength(1);
  expect(heavy.filter((u) => u.includes("snapshot"))).toHaveLength(1);
  expect(problems).toEqual([]);
});
