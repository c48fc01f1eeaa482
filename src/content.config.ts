/**
 * Content collections. All MDX lives in the top-level `content/` folder (not `src/content`), one
 * folder per article: `index.mdx` is the overview, every other `.mdx` file is a section.
 */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema, sectionSchema } from "./site/schema.ts";

const articles = defineCollection({
  loader: glob({ pattern: "*/index.mdx", base: "./content" }),
  schema: articleSchema,
});

const sections = defineCollection({
  loader: glob({ pattern: ["*/*.mdx", "!*/index.mdx"], base: "./content" }),
  schema: sectionSchema,
});

export const collections = { articles, sections };
