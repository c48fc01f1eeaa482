/**
 * Takes away every power a snippet has no business with, after Pyodide has booted and before the
 * program's first line: storage (Cache Storage, IndexedDB, `navigator.storage` and so OPFS),
 * the network (`fetch`, XHR, WebSocket, EventSource, WebTransport), other contexts
 * (`BroadcastChannel`, nested workers, `navigator.serviceWorker`, `importScripts`), closing the
 * worker from inside, and every way to turn a string into code (`eval`, the `Function`
 * constructors, string timers) — without which there is no path to `import()` either. What is
 * left is what runs inside the sandbox: `js.setTimeout(callable)`, `js.Math`, `js.Date`, …
 *
 * Each name is removed from the global object and from every prototype on its chain, so neither
 * `js.fetch` nor `js.self.__proto__…` reaches it; `lockedDown()` reports anything still there.
 */

/** Globals (own or inherited by the worker scope) that must not exist while user code runs. */
export const REMOVED_GLOBALS = [
  "caches",
  "indexedDB",
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "EventSource",
  "WebTransport",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "importScripts",
  "close",
  "eval",
  "CacheStorage",
  "Cache",
  "IDBFactory",
  "StorageManager",
  "FileSystemHandle",
  "FileSystemDirectoryHandle",
  "FileSystemFileHandle",
  "FileSystemSyncAccessHandle",
] as const;

/** Properties of `navigator` that must not exist. */
const REMOVED_NAVIGATOR = ["storage", "serviceWorker", "locks", "sendBeacon"] as const;

/** Deletes `name` from `target` and every object on its prototype chain. */
function removeEverywhere(target: object, name: string): void {
  for (let o: object | null = target; o !== null; o = Reflect.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) Reflect.deleteProperty(o, name);
  }
}

function refuse(): never {
  throw new EvalError("code from strings is not available to programs on this page");
}

/**
 * A stand-in for a code-from-string constructor: same `name` and `prototype` as the original (so
 * `f.constructor.name`, which Pyodide's conversions read, and `instanceof` keep working), but
 * calling it throws.
 */
function standIn(original: { name: string; prototype: unknown }): unknown {
  const named = {
    [original.name]: function () {
      refuse();
    },
  }[original.name];
  if (named) Object.defineProperty(named, "prototype", { value: original.prototype });
  return named;
}

/** Makes the `Function`-family constructors unusable: `f.constructor("code")` throws. */
function blockFunctionConstructors(): void {
  const prototypes = [
    Function.prototype,
    // eslint-disable-next-line @typescript-eslint/require-await -- only its prototype is wanted
    Reflect.getPrototypeOf(async () => undefined),
    Reflect.getPrototypeOf(function* () {
      /* a generator's prototype */
    }),
    Reflect.getPrototypeOf(async function* () {
      /* an async generator's prototype */
    }),
  ];
  for (const proto of prototypes) {
    if (!proto) continue;
    const original = (proto as { constructor: { name: string; prototype: unknown } }).constructor;
    Object.defineProperty(proto, "constructor", { value: standIn(original), writable: false });
  }
  Object.defineProperty(globalThis, "Function", { value: standIn(Function), writable: false });
}

/** Timers take functions only: a string would be evaluated as code. */
function functionTimersOnly(): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  for (const name of ["setTimeout", "setInterval"]) {
    const original = scope[name] as (handler: unknown, ...rest: unknown[]) => number;
    const guarded = (handler: unknown, ...rest: unknown[]): number => {
      if (typeof handler !== "function") refuse();
      return Reflect.apply(original, globalThis, [handler, ...rest]);
    };
    Object.defineProperty(globalThis, name, { value: guarded, writable: false });
  }
}

/** Removes the powers; call once, after boot, before any user code. */
export function lockDown(): void {
  for (const name of REMOVED_GLOBALS) removeEverywhere(globalThis, name);
  const nav = (globalThis as { navigator?: object }).navigator;
  if (nav) for (const name of REMOVED_NAVIGATOR) removeEverywhere(nav, name);
  functionTimersOnly();
  blockFunctionConstructors();
}

/** The names still reachable after `lockDown()` (empty when it worked). */
export function stillReachable(): string[] {
  const scope = globalThis as unknown as Record<string, unknown>;
  const nav = (scope["navigator"] ?? {}) as Record<string, unknown>;
  return [
    ...REMOVED_GLOBALS.filter((name) => name in scope),
    ...REMOVED_NAVIGATOR.filter((name) => name in nav).map((name) => `navigator.${name}`),
  ];
}
