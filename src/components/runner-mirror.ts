/**
 * The page's runner, its state, boot kind and ready spares mirrored on `<html>`
 * (`data-runner-state`, `data-runner-boot`, `data-runner-spares`) for tests and styles. The
 * runner outlives page turns (the client-side router swaps the document's body and `<html>`
 * attributes, not the scripts), so the mirror is written again after every swap.
 */
import { pageRunner } from "../client/page-runner.ts";
import type { RunnerClient } from "../client/runner-client.ts";

const shown: Record<string, string> = {};

function show(key: "runnerState" | "runnerBoot" | "runnerSpares", value: string): void {
  shown[key] = value;
  document.documentElement.dataset[key] = value;
}

/** The page's runner (created on first use), mirrored on `<html>`. */
export function runner(): RunnerClient {
  return pageRunner((client) => {
    client.onstate = (state) => {
      show("runnerState", state);
    };
    client.onboot = (boot) => {
      show("runnerBoot", boot);
    };
    client.onspares = (ready) => {
      show("runnerSpares", String(ready));
    };
    document.addEventListener("astro:after-swap", () => {
      Object.assign(document.documentElement.dataset, shown);
    });
  });
}
