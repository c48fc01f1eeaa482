/**
 * Pure helpers that turn collection entries into an article's reading order. Kept free of
 * `astro:content` so Node tests can check ordering and prev/next links directly.
 */

/** The minimum a section entry must offer to be placed in its article. */
export interface SectionLike {
  id: string;
  data: { title: string; order: number };
}

/** One stop in an article's reading order, with the URL path it renders at. */
export interface NavItem {
  title: string;
  path: string;
}

/** The article folder an entry id belongs to: `halt-python-script/sys-exit` -> `halt-python-script`. */
export function articleSlugOf(id: string): string {
  const slash = id.indexOf("/");
  return slash === -1 ? id : id.slice(0, slash);
}

/** The section's own slug within its article: `halt-python-script/sys-exit` -> `sys-exit`. */
export function sectionSlugOf(id: string): string {
  return id.slice(id.indexOf("/") + 1);
}

/** The URL path of an article's overview, relative to the site base, ending in a slash. */
export function articlePath(articleSlug: string): string {
  return `${articleSlug}/`;
}

/** The URL path of a section page, relative to the site base, ending in a slash. */
export function sectionPath(id: string): string {
  return `${articleSlugOf(id)}/${sectionSlugOf(id)}/`;
}

/**
 * Sections of one article in reading order. Two sections sharing an `order` would make prev/next
 * ambiguous, so that is an error naming both files rather than a silent tie-break.
 */
export function sectionsOf<S extends SectionLike>(articleSlug: string, all: readonly S[]): S[] {
  const mine = all.filter((s) => articleSlugOf(s.id) === articleSlug);
  mine.sort((a, b) => a.data.order - b.data.order);
  for (let i = 1; i < mine.length; i += 1) {
    const prev = mine[i - 1];
    const cur = mine[i];
    if (prev && cur && prev.data.order === cur.data.order) {
      throw new Error(
        `content/${prev.id}.mdx and content/${cur.id}.mdx both have order: ${String(cur.data.order)}`,
      );
    }
  }
  return mine;
}

/** Previous and next stops around a section; the overview precedes the first section. */
export function neighbours(
  articleSlug: string,
  articleTitle: string,
  ordered: readonly SectionLike[],
  currentId: string,
): { prev: NavItem | undefined; next: NavItem | undefined } {
  const index = ordered.findIndex((s) => s.id === currentId);
  if (index === -1) return { prev: undefined, next: undefined };
  const before = ordered[index - 1];
  const after = ordered[index + 1];
  return {
    prev: before
      ? { title: before.data.title, path: sectionPath(before.id) }
      : { title: articleTitle, path: articlePath(articleSlug) },
    next: after ? { title: after.data.title, path: sectionPath(after.id) } : undefined,
  };
}
