/**
 * The one integration's set-up (src/docs/integration.ts): it adds the blocks' remark plugin to
 * the site's unified processor in place, once, with the headers and the worker's build options;
 * under a processor that runs no remark plugins it stops the build with words saying what to set.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { pythonBlocks } from "../../src/docs/integration.ts";
import { remarkPythonBlocks } from "../../src/docs/remark-python-blocks.ts";
import { SITE_HEADERS, WORKER_DIR } from "../../src/docs/headers.ts";

type Setup = (options: {
  config: { markdown: { processor: { name: string; options: { remarkPlugins?: unknown[] } } } };
  updateConfig: (update: Record<string, unknown>) => void;
}) => void;

function setUp(name: string, options: { remarkPlugins?: unknown[] } = {}) {
  const updates: Record<string, unknown>[] = [];
  const setup = pythonBlocks().hooks["astro:config:setup"] as unknown as Setup;
  const processor = { name, options };
  setup({ config: { markdown: { processor } }, updateConfig: (u) => updates.push(u) });
  return { processor, updates };
}

test("under unified, the remark plugin joins the site's own, in place and once", () => {
  const own = () => undefined;
  const options = { remarkPlugins: [own] };
  const { processor } = setUp("unified", options);
  assert.equal(processor.options, options);
  assert.deepEqual(options.remarkPlugins, [own, remarkPythonBlocks]);
  setUp("unified", options);
  assert.deepEqual(options.remarkPlugins, [own, remarkPythonBlocks]);
});

test("dev and preview get the isolation headers; the worker is a module in its own folder", () => {
  const { updates } = setUp("unified");
  const update = updates[0] as {
    server: { headers: Record<string, string> };
    vite: { worker: { format: string; rolldownOptions: { output: { entryFileNames: string } } } };
  };
  assert.deepEqual(update.server.headers, SITE_HEADERS);
  assert.equal(update.vite.worker.format, "es");
  assert.ok(update.vite.worker.rolldownOptions.output.entryFileNames.startsWith(WORKER_DIR));
});

test("under Sätteri the build stops, saying which processor to set", () => {
  assert.throws(() => setUp("satteri"), /unified Markdown processor \(this site's is "satteri"\)/);
});
