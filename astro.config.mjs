// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { CODE_THEMES } from "./src/components/code-themes.ts";
import { remarkPythonBlocks } from "./src/docs/remark-python-blocks.ts";
import { serviceWorker } from "./src/docs/integration.ts";
import { ISOLATION_HEADERS } from "./src/docs/isolation-headers.ts";

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
  server: { port: 4321, host: "127.0.0.1", headers: { ...ISOLATION_HEADERS } },
  devToolbar: { enabled: false },
  // Pyodide needs a module worker; keep Vite from emitting a classic one.
  vite: { worker: { format: "es" } },
});
