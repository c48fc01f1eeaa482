/**
 * How much output the page keeps: the terminal's rows, its screen and those above it (its
 * scrollback). A flood's older lines are counted in the ring and never decoded
 * (`output-ring.ts` `drain(MAX_LINES)`), so a flood costs the page what it can show. Its own
 * module so the page's first script can bound a drain without loading the terminal.
 */
export const MAX_LINES = 1000;

/**
 * The classic terminal, 80 columns by 24 rows: a panel's size until it is measured, and the
 * verified docs' terminal (`snippets:update` runs the article's blocks on one this size).
 */
export const CLASSIC_TERMINAL = { columns: 80, rows: 24 } as const;
