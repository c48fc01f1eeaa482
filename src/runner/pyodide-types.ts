/**
 * The slice of Pyodide's API the core uses, typed here so the core does not depend on how a host
 * imports Pyodide (the npm package in Node, the self-hosted `pyodide.mjs` in the browser).
 * `_makeSnapshot`, `_loadSnapshot` and `makeMemorySnapshot` are private Pyodide APIs: the version
 * is pinned exactly in package.json, and every snapshot path falls back to a normal boot.
 */
import type { PyodideAPI, loadPyodide } from "pyodide";

export type LoadPyodide = typeof loadPyodide;
export type Pyodide = PyodideAPI;

/** `loadPyodide` options a host may add (where Pyodide's files come from, how the wasm is made). */
export type BootConfig = Pick<
  NonNullable<Parameters<LoadPyodide>[0]>,
  "stdLibURL" | "lockFileContents" | "createPyodideModule"
>;
