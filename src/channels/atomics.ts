/**
 * The `Atomics` functions the channels use, taken when this module loads — before any program
 * runs in the worker — so a program that replaces `Atomics.store` (through `js.Atomics`) cannot
 * change how the runner reads or writes its own shared memory.
 */
export const Atom = Object.freeze({
  load: Atomics.load,
  store: Atomics.store,
  add: Atomics.add,
  sub: Atomics.sub,
  exchange: Atomics.exchange,
  or: Atomics.or,
  notify: Atomics.notify,
  wait: Atomics.wait,
});
