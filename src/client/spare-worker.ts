/**
 * The next run's worker, booted ahead of time: one spare at a time, made from the page's runtime
 * assets (loaded once, on the first spare). Run takes the spare and a new one starts booting, so
 * a Run — and the respawn after `os._exit` or a kill — is the spare taking over.
 */
import type { RuntimeAssets } from "../channels/messages.ts";
import { Connection, type ConnectionEvents } from "./connection.ts";
import { runtimeAssets } from "./runtime-assets.ts";

export class SpareWorker {
  #spare: Connection | null = null;
  #assets: Promise<RuntimeAssets> | null = null;
  readonly #start: () => Connection;
  readonly #indexURL: string;

  constructor(
    createWorker: () => Worker,
    indexURL: string,
    sharedMemory: boolean,
    events: ConnectionEvents,
  ) {
    this.#indexURL = indexURL;
    this.#start = () => new Connection(createWorker, indexURL, sharedMemory, events);
  }

  /** The spare, booting or ready, if there is one. */
  get current(): Connection | null {
    return this.#spare;
  }

  /** Starts a spare if there is none; true when one was started. */
  ensure(): boolean {
    if (this.#spare) return false;
    this.#assets ??= runtimeAssets(this.#indexURL);
    // The worker starts now (its scripts load meanwhile); it boots once the assets are here.
    const spare = this.#start();
    void this.#assets.then((assets) => {
      spare.init(assets);
    });
    this.#spare = spare;
    return true;
  }

  /** Hands the spare over to a run (making one first if needed). */
  take(): Connection {
    this.ensure();
    const taken = this.#spare;
    if (!taken) throw new Error("no spare worker");
    this.#spare = null;
    return taken;
  }

  /** Forgets a spare that died; the next `ensure` makes another. */
  forget(connection: Connection): boolean {
    if (connection !== this.#spare) return false;
    this.#spare = null;
    return true;
  }
}
