/**
 * The next runs' workers, booted ahead of time from the page's runtime assets (loaded once, on
 * the first spare). Run takes a ready spare and a new one boots when the machine is free, so a
 * Run — and the respawn after `os._exit` or a kill — is a spare taking over.
 */
import type { RuntimeAssets } from "../channels/messages.ts";
import { afterPaint } from "./after-paint.ts";
import { Connection, type ConnectionEvents } from "./connection.ts";
import { runtimeAssets } from "../delivery/runtime-assets.ts";

/**
 * How many spares are kept booted while the page is idle: two, so that Run pressed again the
 * moment a run ends (after `os._exit`, a kill) finds one ready; one on a device with little memory
 * (each interpreter holds some 60 MB).
 */
function depth(): number {
  const memory = (navigator as { deviceMemory?: number }).deviceMemory;
  return memory !== undefined && memory < 4 ? 1 : 2;
}

/** How long a silent run has the machine before the next spare boots. */
export const SPARE_DELAY_MS = 300;

export class SpareWorker {
  readonly #spares: Connection[] = [];
  #assets: Promise<RuntimeAssets> | null = null;
  readonly #start: () => Connection;
  readonly #events: ConnectionEvents;
  readonly #indexURL: string;
  readonly #sharedMemory: boolean;
  readonly #depth = depth();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #scheduled = false;

  constructor(
    createWorker: () => Worker,
    indexURL: string,
    sharedMemory: boolean,
    events: ConnectionEvents,
  ) {
    this.#indexURL = indexURL;
    this.#sharedMemory = sharedMemory;
    this.#events = events;
    this.#start = () => new Connection(createWorker, indexURL, sharedMemory, this.#events);
  }

  /** The spare the next run takes (a ready one first), booting or ready, if there is one. */
  get current(): Connection | null {
    return this.#spares.find((s) => s.ready) ?? this.#spares[0] ?? null;
  }

  /** How many spares are ready. */
  get readyCount(): number {
    return this.#spares.filter((s) => s.ready).length;
  }

  /** Starts a spare if there is none; true when one was started. */
  ensure(): boolean {
    if (this.#spares.length) return false;
    this.#boot();
    return true;
  }

  /** Boots one more spare when every spare is ready and there are fewer than the page keeps. */
  topUp(): void {
    if (this.#spares.length < this.#depth && this.#spares.every((s) => s.ready)) this.#boot();
  }

  #boot(): void {
    this.#assets ??= runtimeAssets(this.#indexURL, this.#sharedMemory);
    // The worker starts now (it loads Pyodide's scripts meanwhile); it boots once the assets are here.
    const spare = this.#start();
    this.#assets.then(
      (assets) => {
        spare.boot(assets);
      },
      (error: unknown) => {
        // Python did not download: the spare dies saying why, and the next one downloads again.
        this.#assets = null;
        this.#events.died(spare, error instanceof Error ? error.message : String(error));
      },
    );
    this.#spares.push(spare);
  }

  /**
   * Boots the next spare after `delayMs`, then right after the next paint (so its start never
   * delays what is shown); while `busy` (a run has the machine) only one spare is made.
   */
  schedule(busy: () => boolean, delayMs = 0): void {
    clearTimeout(this.#timer);
    if (delayMs > 0) {
      this.#timer = setTimeout(() => {
        this.schedule(busy);
      }, delayMs);
      return;
    }
    if (this.#scheduled) return;
    this.#scheduled = true;
    afterPaint(() => {
      this.#scheduled = false;
      if (!this.ensure() && !busy()) this.topUp();
    });
  }

  /** Cancels a delayed `schedule` (a program that prints keeps the machine). */
  unschedule(): void {
    clearTimeout(this.#timer);
  }

  /** Hands a spare over to a run (making one first if needed). */
  take(): Connection {
    this.ensure();
    const taken = this.current;
    if (!taken) throw new Error("no spare worker");
    this.#spares.splice(this.#spares.indexOf(taken), 1);
    return taken;
  }

  /** Forgets a spare that died; the next `ensure` makes another. */
  forget(connection: Connection): boolean {
    const at = this.#spares.indexOf(connection);
    if (at === -1) return false;
    this.#spares.splice(at, 1);
    return true;
  }
}
