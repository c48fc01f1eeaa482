/**
 * How much output the page keeps: the terminal's rows, its screen and those above it (its
 * scrollback). A flood's older lines are counted in the ring and never decoded
 * (`output-ring.ts` `drain(MAX_LINES)`), so a flood costs the page what it can show. Its own
 * module so the page's first script can bound a drain without loading the terminal.
 */
export const MAX_LINES = 1000;
