/**
 * The site's headers reach the reader in every server setup: sent by the server (`headers`,
 * `subpath`) or added by the service worker (`plain`). The runner worker's script gets a CSP
 * that allows the site's scripts, wasm and its own `blob:` standard library — nothing else.
 */
import { readdirSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { visit } from "./blocks.ts";

/** One directive of a CSP, its sources sorted (empty when absent). */
function directive(csp: string, name: string): string[] {
  const found = csp
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found ? found.slice(1).sort() : [];
}

/** The built runner worker's script, relative to the site's base. */
function workerScript(): string {
  const dir = test.info().project.name === "subpath" ? "dist-subpath" : "dist";
  const [name] = readdirSync(`${dir}/_astro/worker/`).filter((f) => f.endsWith(".js"));
  if (!name) throw new Error(`no worker script in ${dir}/_astro/worker/`);
  return `_astro/worker/${name}`;
}

test("pages carry the CSP, no framing, nosniff, a referrer and a permissions policy", async ({
  page,
  problems,
}) => {
  await visit(page, "playground/");
  // Once the service worker controls the page (plain project), a reload is served through it.
  const response = await page.reload();
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(directive(csp, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(csp, "script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directive(csp, "object-src")).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cross-origin-embedder-policy"]).toBe("require-corp");
  expect(problems).toEqual([]);
});

test("the runner worker's script allows the site, wasm and blob: — no eval, no other origin", async ({
  page,
  problems,
}) => {
  await visit(page, "playground/");
  const csp = await page.evaluate(async (path) => {
    const base = new URL(
      document.querySelector("script[data-base]")?.getAttribute("data-base") ?? "/",
      location.href,
    );
    const response = await fetch(new URL(path, base));
    return response.headers.get("content-security-policy") ?? "";
  }, workerScript());
  // Where the host can say so per path, the worker's own policy: nothing by default.
  const own = test.info().project.name !== "headers";
  if (own) expect(directive(csp, "default-src")).toEqual(["'none'"]);
  expect(directive(csp, "script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directive(csp, "connect-src")).toEqual(["'self'", "blob:"]);
  expect(problems).toEqual([]);
});
