/**
 * The core's view of the SIGINT channel (`channels/interrupt.ts` builds one over shared memory):
 * the buffer Pyodide polls, plus the few operations the running thread needs.
 */
export interface InterruptLine {
  /** Handed to `pyodide.setInterruptBuffer`. */
  readonly buffer: Int32Array;
  /** A SIGINT is waiting to be delivered. */
  pending(): boolean;
  /** Blocks up to `ms` or until SIGINT arrives; true when woken by SIGINT. */
  wait(ms: number): boolean;
  /** The program's SIGINT handler ran (lets a controller tell a landed SIGINT from a lost one). */
  delivered(): void;
  /** Forgets a SIGINT that arrived too late to matter. */
  clear(): void;
  /** The signals pending now (their numbers, lowest first), taken: SIGINT carries them all. */
  take(): number[];
  /** Puts signals back, to be delivered at the next check (a handler raised before their turn). */
  requeue(signals: number[]): void;
}
