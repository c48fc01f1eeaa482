/**
 * Every message from the worker is checked before the page acts on it: a message that does not
 * have exactly the expected shape is dropped. (Program code cannot reach the private port, but the
 * page still never trusts data it did not construct.)
 */
import type { RunResult, TimelessResult } from "../runner/result.ts";
import type { FromRunner } from "./messages.ts";

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isLine = (v: unknown): boolean => v === null || (isInt(v) && v > 0);
const isExc = (v: unknown): boolean =>
  isRec(v) && typeof v["type"] === "string" && typeof v["message"] === "string";

const STEPS = [
  "start",
  "unwind",
  "except",
  "finally",
  "with",
  "atexit",
  "flush",
  "signal",
  "kill",
  "exit",
];
/** A way-out account: a bounded list of steps with short names (the program can steer them). */
const isWayOut = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.length <= 500 &&
  v.every(
    (s) =>
      isRec(s) &&
      STEPS.includes(String(s["step"])) &&
      typeof s["ran"] === "boolean" &&
      isLine(s["line"]) &&
      typeof s["name"] === "string" &&
      s["name"].length <= 500 &&
      (s["reraised"] === undefined || typeof s["reraised"] === "boolean") &&
      (s["repeated"] === undefined || isInt(s["repeated"])) &&
      (s["text"] === undefined || (typeof s["text"] === "string" && s["text"].length <= 1000)) &&
      (s["printed"] === undefined ||
        (typeof s["printed"] === "string" && s["printed"].length <= 2001)),
  );

function isResult(v: unknown): v is RunResult {
  if (!isRec(v) || typeof v["durationMs"] !== "number" || !isLine(v["line"])) return false;
  const at = v["interruptedAt"];
  if (at !== null && !(isRec(at) && isLine(at["line"]))) return false;
  if (v["wayOut"] !== undefined && !isWayOut(v["wayOut"])) return false;
  const code = v["exitCode"];
  switch (v["outcome"]) {
    case "exit":
      return (
        isInt(code) &&
        code >= 0 &&
        code <= 255 &&
        ["end", "SystemExit", "os._exit"].includes(String(v["cause"]))
      );
    case "exception":
      return code === 1 && isExc(v["exception"]);
    case "interrupt":
      return code === 130 && (v["exception"] === null || isExc(v["exception"]));
    case "signal":
      return (
        isInt(code) &&
        code > 128 &&
        code < 160 &&
        typeof v["signal"] === "string" &&
        /^SIG[A-Z0-9]+$/.test(v["signal"])
      );
    case "killed":
      return code === 137 && typeof v["reason"] === "string";
    case "crash":
      return code === 134 && typeof v["code"] === "string" && typeof v["message"] === "string";
    default:
      return false;
  }
}

/** A run's result without its timing (a recorded one), well formed. */
export const isTimelessResult = (v: unknown): v is TimelessResult =>
  isRec(v) && isResult({ ...v, durationMs: 0 });

/** The message, typed, if it is a well-formed `FromRunner`; otherwise null. */
export function parseFromRunner(data: unknown): FromRunner | null {
  if (!isRec(data)) return null;
  switch (data["type"]) {
    case "ready":
      return data["boot"] === undefined || data["boot"] === "snapshot" || data["boot"] === "cold"
        ? (data as FromRunner)
        : null;
    case "booting":
      return data as FromRunner;
    case "started":
    case "input-request":
    case "input-eof":
      return isInt(data["runId"]) ? (data as FromRunner) : null;
    case "output":
      return isInt(data["runId"]) &&
        (data["stream"] === "stdout" || data["stream"] === "stderr") &&
        typeof data["text"] === "string"
        ? (data as FromRunner)
        : null;
    case "result":
      return isInt(data["runId"]) && isResult(data["result"]) ? (data as FromRunner) : null;
    case "error": {
      const e = data["error"];
      return (data["runId"] === null || isInt(data["runId"])) &&
        isRec(e) &&
        typeof e["code"] === "string" &&
        typeof e["message"] === "string"
        ? (data as FromRunner)
        : null;
    }
    default:
      return null;
  }
}
