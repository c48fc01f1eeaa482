/**
 * The driver's text for Node hosts (the CLI, the docs checks, tests), read from `driver_pure.py`
 * and `driver.py` next to this file and run as one. The browser worker imports the same two files
 * as text at build time instead (`driverText` joins them the same way).
 */
import { readFileSync } from "node:fs";
import { driverText } from "./driver.ts";

const read = (name: string): string => readFileSync(new URL(name, import.meta.url), "utf8");

/** The source the interpreter runs: the pure helpers, then the driver. */
export function readDriver(): string {
  return driverText(read("./driver_pure.py"), read("./driver.py"));
}
