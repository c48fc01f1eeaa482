/**
 * The driver's text for Node hosts (the CLI, the docs checks, tests), read from `DRIVER_FILES`
 * next to this file and run as one. The browser worker imports the same files as text at build
 * time instead (`driverText` joins them the same way).
 */
import { readFileSync } from "node:fs";
import { DRIVER_FILES, driverText } from "./driver.ts";

const read = (name: string): string => readFileSync(new URL(name, import.meta.url), "utf8");

/** The source the interpreter runs. */
export function readDriver(): string {
  return driverText(...DRIVER_FILES.map((name) => read(`./${name}`)));
}
