// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { CODE_THEMES } from "./src/components/code-themes.ts";
import { remarkPythonBlocks } from "./src/docs/remark-python-blocks.ts";
import { serviceWorker } from "./src/docs/integration.ts";
import { SITE_HEADERS, WORKER_DIR } from "./src/docs/headers.ts";

export default defineConfig({
  // Absolute origin for canonical URLs, Open Graph and the sitemap; set SITE_URL when deploying.
  site: process.env["SITE_URL"] ?? "http://localhost:4321",
  base: process.env["BASE_PATH"] ?? "/",
  trailingSlash: "always",
  integrations: [mdx(), sitemap(), serviceWorker()],
  markdown: {
    // unified (remark/rehype) rather than the default Sätteri: runnable blocks are a remark plugin
    // (the same mdast walk the docs checks use), and Sätteri runs no remark plugins.
    processor: unified({ smartypants: false, remarkPlugins: [remarkPythonBlocks] }),
    shikiConfig: { themes: CODE_THEMES, defaultColor: false },
  },
  server: { port: 4321, host: "127.0.0.1", headers: { ...SITE_HEADERS } },
  devToolbar: { enabled: false },
  vite: {
    // Pyodide needs a module worker; keep Vite from emitting a classic one. Its script goes to its
    // own folder, which gets the worker's own CSP (src/docs/headers.ts).
    worker: {
      format: "es",
      rolldownOptions: { output: { entryFileNames: `${WORKER_DIR}[name]-[hash].js` } },
    },
    // Never inline a script (or asset) into the HTML: the CSP allows no inline script.
    build: { assetsInlineLimit: 0 },
  },
});
