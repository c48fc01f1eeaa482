// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { defineConfig } from "eslint/config";
import astro from "eslint-plugin-astro";
import globals from "globals";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "dist-*/",
      ".astro/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
      "public/pyodide/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() returns a promise the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] },
          ],
        },
      ],
    },
  },
  {
    // Astro's virtual modules and .astro frontmatter are type-checked by `astro check` instead.
    files: ["**/*.astro", "**/*.mjs", "scripts/**/*.js", "bench/baseline/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The service worker ships as written (the build joins its parts and fills in placeholders).
    files: ["src/service-worker/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        ...globals.serviceworker,
        __MANIFEST__: "readonly",
        __VERSION__: "readonly",
        __SITE_HEADERS__: "readonly",
        __WORKER_CSP__: "readonly",
        __WORKER_DIR__: "readonly",
        __RUNTIME_DIR__: "readonly",
        __UNZIP__: "readonly",
      },
      // One script of three parts: what a part gives the others is named in its /* exported */.
      sourceType: "script",
      parserOptions: { projectService: false, project: null },
    },
  },
);
