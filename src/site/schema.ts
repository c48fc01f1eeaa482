/**
 * Frontmatter schemas for the two kinds of MDX file under `content/`.
 *
 * They live outside `content.config.ts` so Node tests can validate sample frontmatter without
 * Astro's virtual modules; the build uses the very same objects, so a test of these is a test of
 * what fails the build.
 */
import { z } from "astro/zod";

/**
 * A date as the article's frontmatter writes it (`2023-03-06 00:00:00`). js-yaml already turns that into a UTC Date;
 * any other YAML reader leaves a string, which is read as UTC too so no build machine shifts it.
 */
const frontmatterDate = z.preprocess(
  (v) =>
    typeof v === "string" && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(v)
      ? new Date(`${v.replace(" ", "T")}${v.length > 10 ? "Z" : "T00:00:00Z"}`)
      : v,
  z.date({ error: "must be a date such as 2023-03-06 00:00:00" }),
);

/**
 * The article's overview page (`content/<article>/index.mdx`): the original article's frontmatter, field for
 * field. Unknown fields are rejected so a typo (`tag:` for `tags:`) fails loudly.
 */
export const articleSchema = z.strictObject({
  title: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  tags: z.array(z.string().min(1)).min(1),
  /** Path under `public/`, e.g. `images/python.png`, without a leading slash. */
  thumbnail: z
    .string()
    .regex(
      /^[\w./-]+\.(png|jpe?g|webp|svg)$/,
      "must be a path under public/ such as images/python.png",
    ),
  created_at: frontmatterDate,
  updated_at: frontmatterDate,
  tldr: z.string().min(1),
});

/**
 * One `##` section of an article (`content/<article>/<section>.mdx`). `order` places it in the
 * table of contents and the prev/next chain; the article is the folder it sits in.
 */
export const sectionSchema = z.strictObject({
  title: z.string().min(1),
  order: z.number().int().positive(),
  description: z.string().min(1).optional(),
});

export type ArticleData = z.infer<typeof articleSchema>;
export type SectionData = z.infer<typeof sectionSchema>;
