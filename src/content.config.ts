/**
 * Content collections. All MDX lives in the top-level `content/` folder (not `src/content`), one
 * folder per article: `index.mdx` is the overview, every other `.mdx` file is a section. The
 * `comparison` collection is not files: its loader runs the comparison probes at sync time.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { comparisonLoader } from "./docs/comparison-loader.ts";
import { articleSchema, sectionSchema } from "./site/schema.ts";

const articles = defineCollection({
  loader: glob({ pattern: "*/index.mdx", base: "./content" }),
  schema: articleSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: ["*/*.mdx", "!*/index.mdx"], base: "./content" }),
  schema: sectionSchema,
});

const comparison = defineCollection({ loader: comparisonLoader() });

export const collections = { articles, sections, comparison };
