/**
 * Turns the page's runtime assets into `loadPyodide` options, so a fresh worker boots without
 * fetching or compiling what the page already has: the compiled wasm module is instantiated as
 * is, the standard library comes from a `blob:` URL over the bytes handed in, and the lock file
 * is passed as text.
 *
 * Pyodide 314.0.7 starts its own fetch of `pyodide.asm.wasm` while it builds its settings unless
 * a global `WasmOffsetConverter` exists (a hook of its own Emscripten build); `bootWithAssets`
 * defines one for the length of the boot so that fetch never happens, then removes it. Pyodide is
 * pinned exactly (package.json) and the e2e suite counts the wasm requests.
 *
 * The snapshot is made once, in Node (V8), and restoring it overwrites the whole linear memory,
 * including one pointer whose value depends on the engine: the function-table slot of CPython's
 * call trampoline (`_PyEM_TrampolineCall`), which Emscripten adds to the table before the restore.
 * V8 and SpiderMonkey put it in the same slot (14174 for Pyodide 314.0.7); JavaScriptCore's table
 * already holds 972 more entries by then, so it lands in slot 15146 (both measured). Left at V8's
 * value, the first call through it failed with "call_indirect to a signature that does not
 * match", and every WebKit worker booted cold: 1.6–2.7 s each, and 7 s for the first, before
 * JavaScriptCore had tiered the code up. `keepEngineTrampoline` puts this engine's slot back
 * after the restore.
 */
import type { RuntimeAssets } from "../channels/messages.ts";
import type { BootConfig } from "../runner/pyodide-types.ts";

type CreateModule = NonNullable<BootConfig["createPyodideModule"]>;
type Settings = Parameters<CreateModule>[0];
type Imports = Record<string, Record<string, unknown>>;

/** Pyodide's own fallback for the two imports its wasm helper module would otherwise provide. */
function jsvImports(): Record<string, unknown> {
  const marker = Symbol("error marker");
  return {
    Jsv_GetError_import: () => marker,
    JsvError_Check: (value: unknown) => value === marker,
  };
}

/** The parts of Pyodide's Emscripten module `keepEngineTrampoline` touches (all private). */
export interface EmscriptenModule {
  HEAP32?: Int32Array;
  __PyRuntime?: number;
  __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET?: number;
  API?: { restoreSnapshot?: (snapshot: Uint8Array) => unknown };
}

/**
 * After a snapshot restore, CPython's trampoline pointer is this engine's again (see above). A
 * Pyodide without these internals is left alone: its restore fails as before, and the runner
 * boots cold.
 */
export function keepEngineTrampoline(module: EmscriptenModule): void {
  const api = module.API;
  const restore = api?.restoreSnapshot;
  const runtime = module.__PyRuntime;
  const offsetAt = module.__PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET;
  if (!api || !restore || runtime === undefined || offsetAt === undefined) return;
  const slot = (): number => {
    const heap = module.HEAP32;
    const offset = heap?.[offsetAt >>> 2];
    return offset === undefined ? -1 : (runtime + offset) >>> 2;
  };
  api.restoreSnapshot = (snapshot: Uint8Array): unknown => {
    const before = slot();
    const engine = before >= 0 ? module.HEAP32?.[before] : undefined;
    const restored = restore.call(api, snapshot);
    const after = slot();
    if (engine !== undefined && after >= 0 && module.HEAP32) module.HEAP32[after] = engine;
    return restored;
  };
}

/** `loadPyodide` options for `assets`; `create` is `pyodide.asm.mjs`'s default export. */
export function bootConfig(assets: RuntimeAssets, create: CreateModule): BootConfig {
  const config: BootConfig = {};
  if (assets.stdlib) config.stdLibURL = URL.createObjectURL(new Blob([assets.stdlib]));
  if (assets.lockfile) config.lockFileContents = assets.lockfile;
  const wasm = assets.wasm;
  if (wasm) {
    config.createPyodideModule = (settings: Settings) => {
      const instantiateWasm = (
        imports: Imports,
        done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
      ): Record<string, never> => {
        imports["env"] = { ...imports["env"], ...jsvImports() };
        void WebAssembly.instantiate(wasm, imports as WebAssembly.Imports).then((instance) => {
          done(instance, wasm);
        });
        return {};
      };
      // Pyodide keeps using the settings object it passed in, so it is changed in place.
      Object.assign(settings, { instantiateWasm });
      return create(settings).then((module) => {
        keepEngineTrampoline(module);
        return module;
      });
    };
  }
  return config;
}

/** Runs `boot` with Pyodide's own wasm fetch switched off when the wasm is handed in. */
export async function bootWithAssets<T>(assets: RuntimeAssets, boot: () => Promise<T>): Promise<T> {
  if (!assets.wasm) return boot();
  const scope = globalThis as { WasmOffsetConverter?: unknown };
  scope.WasmOffsetConverter = {};
  try {
    return await boot();
  } finally {
    delete scope.WasmOffsetConverter;
  }
}
