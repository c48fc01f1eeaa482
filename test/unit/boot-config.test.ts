/**
 * A snapshot made in V8 and restored in another engine keeps that engine's trampoline slot (see
 * src/worker/boot-config.ts): a fake Emscripten module whose "engine" put the trampoline in slot
 * 15146, restoring a snapshot that says 14174.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { keepEngineTrampoline, type EmscriptenModule } from "../../src/worker/boot-config.ts";

const OFFSET_AT = 64; // where CPython stores the trampoline field's offset in _PyRuntime
const RUNTIME = 1024; // _PyRuntime's address
const FIELD = 40; // the offset stored there

function fakeModule(engineSlot: number): { module: EmscriptenModule; restored: () => number } {
  const heap = new Int32Array(4096);
  heap[OFFSET_AT / 4] = FIELD;
  heap[(RUNTIME + FIELD) / 4] = engineSlot; // Emscripten's preRun, before the restore
  const module: EmscriptenModule = {
    HEAP32: heap,
    __PyRuntime: RUNTIME,
    __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: OFFSET_AT,
    API: {
      restoreSnapshot: (snapshot: Uint8Array) => {
        new Uint8Array(heap.buffer).set(snapshot);
        return "restored";
      },
    },
  };
  return { module, restored: () => heap[(RUNTIME + FIELD) / 4] ?? -1 };
}

function v8Snapshot(): Uint8Array {
  const memory = new Int32Array(4096);
  memory[OFFSET_AT / 4] = FIELD;
  memory[(RUNTIME + FIELD) / 4] = 14174;
  memory[7] = 99; // anything else the snapshot holds
  return new Uint8Array(memory.buffer);
}

test("after the restore the trampoline slot is this engine's, and the rest is the snapshot's", () => {
  const { module, restored } = fakeModule(15146);
  keepEngineTrampoline(module);
  assert.equal(module.API?.restoreSnapshot?.(v8Snapshot()), "restored");
  assert.equal(restored(), 15146);
  assert.equal(module.HEAP32?.[7], 99);
});

test("without the hook the V8 slot would be left in place (what failed in WebKit)", () => {
  const { module, restored } = fakeModule(15146);
  module.API?.restoreSnapshot?.(v8Snapshot());
  assert.equal(restored(), 14174);
});

test("a module without these internals is left as it is", () => {
  const restore = (): string => "restored";
  const module: EmscriptenModule = { API: { restoreSnapshot: restore } };
  keepEngineTrampoline(module);
  assert.equal(module.API?.restoreSnapshot, restore);
});
