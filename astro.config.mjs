// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { CODE_THEMES } from "./src/components/code-themes.ts";
import { pythonBlocks } from "./src/docs/integration.ts";

export default defineConfig({
  // Absolute origin for canonical URLs, Open Graph and the sitemap; set SITE_URL when deploying.
  site: process.env["SITE_URL"] ?? "http://localhost:4321",
  base: process.env["BASE_PATH"] ?? "/",
  trailingSlash: "always",
  // Runnable Python fences, their headers in dev and preview, the build's runtime and service
  // worker: one integration (src/docs/integration.ts).
  integrations: [pythonBlocks(), mdx(), sitemap()],
  markdown: {
    // unified (remark/rehype) rather than the default Sätteri: runnable blocks are a remark plugin
    // (the same mdast walk the docs checks use), and Sätteri runs no remark plugins.
    processor: unified({ smartypants: false }),
    shikiConfig: { themes: CODE_THEMES, defaultColor: false },
  },
  server: { port: 4321, host: "127.0.0.1" },
  devToolbar: { enabled: false },
});
