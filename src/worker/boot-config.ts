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
      return create(settings);
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
