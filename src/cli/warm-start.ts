/**
 * What makes each `npm run snippet` start sooner and spend less CPU, without changing what the
 * program does: Node's compile cache for the runner's modules and Pyodide's 1 MB of JavaScript
 * (kept beside the interpreter snapshot), and a later tier-up of the wasm to optimised code, so a
 * short program does not pay for compiling CPython's eval loop it will not run long enough to
 * need; a long one still gets it. Measured on 2 × AMD EPYC (`print('hi')`, 8 runs each): 1.49 s
 * of CPU → 1.16 s, 1.00 s → 0.85 s wall; a 10-million-step loop as fast as before.
 */
import { mkdirSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { join } from "node:path";
import { CACHE_DIR } from "./snapshot-cache.ts";

/** V8's default tier-up budget is 13 000 000 (roughly bytes of wasm executed); ten times that. */
const TIERING_BUDGET = 130_000_000;

/**
 * Call before the runner thread starts: returns the environment of that thread's Node (not the
 * program's: the program gets this process's environment, as python3 would).
 */
export function warmStart(): NodeJS.ProcessEnv {
  setFlagsFromString(`--wasm-tiering-budget=${String(TIERING_BUDGET)}`);
  const dir = join(CACHE_DIR, "compile");
  try {
    mkdirSync(dir, { recursive: true });
    return { ...process.env, NODE_COMPILE_CACHE: dir };
  } catch {
    // No cache when its folder cannot be made (a read-only checkout): only slower.
    return process.env;
  }
}
