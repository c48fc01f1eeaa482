/**
 * The Shiki themes code is shown in, light and dark. Every place that highlights code (the Markdown
 * config, `<Code>` components, the editor's palette) reads them from here, so they cannot drift.
 */
export const CODE_THEMES = { light: "github-light-default", dark: "github-dark-default" } as const;
