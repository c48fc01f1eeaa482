// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { codeMetaTransformer } from "./src/docs/code-meta.ts";
import { rehypeRunnable } from "./src/docs/rehype-runnable.ts";
import { serviceWorker } from "./src/docs/integration.ts";

/** Cross-origin isolation, so the runner can use SharedArrayBuffer for Stop (SIGINT). */
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  // Absolute origin for canonical URLs, Open Graph and the sitemap; set SITE_URL when deploying.
  site: process.env["SITE_URL"] ?? "http://localhost:4321",
  base: process.env["BASE_PATH"] ?? "/",
  trailingSlash: "always",
  integrations: [mdx(), sitemap(), serviceWorker()],
  markdown: {
    // unified (remark/rehype) rather than the default Sätteri: the runnable-block upgrade and the
    // verified-docs checks are rehype/Shiki plugins, and MDX components need the unified pipeline.
    processor: unified({ smartypants: false, rehypePlugins: [rehypeRunnable] }),
    shikiConfig: {
      themes: { light: "github-light-default", dark: "github-dark-default" },
      defaultColor: false,
      transformers: [codeMetaTransformer()],
    },
  },
  server: { port: 4321, host: "127.0.0.1", headers: isolationHeaders },
  devToolbar: { enabled: false },
  // Pyodide needs a module worker; keep Vite from emitting a classic one.
  vite: { worker: { format: "es" } },
});
