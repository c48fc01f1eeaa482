/**
 * The driver's text for Node hosts (the CLI, the docs checks, tests), read from `driver.py` next
 * to this file. The browser worker imports the same file as text at build time instead.
 */
import { readFileSync } from "node:fs";

/** The source of `driver.py`. */
export function readDriver(): string {
  return readFileSync(new URL("./driver.py", import.meta.url), "utf8");
}
