/**
 * Words for how a run ended, for a learner: built from the runner's result value and the code
 * that ran. Parts are text or inline code; the block renders them as text nodes, never markup.
 */
import { assertNever, type TimelessResult } from "./result.ts";

export type EndingPart = { code: boolean; text: string };

/** The most characters of program-controlled text (an exception message) an ending quotes. */
export const MAX_QUOTED = 300;

/** `text`, cut to `MAX_QUOTED` characters with an ellipsis that says so. */
function clip(text: string): string {
  return text.length > MAX_QUOTED
    ? `${text.slice(0, MAX_QUOTED)}… (${(text.length - MAX_QUOTED).toLocaleString("en")} more characters)`
    : text;
}

const t = (text: string): EndingPart => ({ code: false, text });
const c = (text: string): EndingPart => ({ code: true, text });

/** The stripped source of a 1-based line, or null when out of range. */
function lineText(source: string, line: number | null): string | null {
  if (line === null) return null;
  const text = source.split("\n")[line - 1]?.trim();
  return text ? clip(text) : null;
}

/** " — `code` on line N" when the line is known. */
function at(source: string, line: number | null): EndingPart[] {
  const text = lineText(source, line);
  return line === null
    ? []
    : text
      ? [t(" — "), c(text), t(` on line ${String(line)}`)]
      : [t(` on line ${String(line)}`)];
}

/** The signal that ended a run, if one did (the status's `data-signal`). */
export function endingSignal(result: TimelessResult): string | null {
  switch (result.outcome) {
    case "signal":
      return result.signal;
    case "killed":
      return "SIGKILL";
    case "interrupt":
      return "SIGINT";
    default:
      return null;
  }
}

/** Describes a result in a sentence or two. `stopPressed` says whether the reader pressed Stop. */
export function describeEnding(
  result: TimelessResult,
  source: string,
  stopPressed: boolean,
): EndingPart[] {
  return [...endingWords(result, source, stopPressed), ...handledSignal(result)];
}

/** A signal other than SIGINT that reached the program's handler (SIGTERM), said after the end. */
function handledSignal(result: TimelessResult): EndingPart[] {
  if (result.outcome !== "exit" && result.outcome !== "exception") return [];
  const step = result.wayOut?.find((s) => s.step === "signal" && !s.name.startsWith("SIGINT"));
  const signal = step?.name.split(" ")[0];
  if (!step || !signal) return [];
  const where = step.line === null ? "" : ` on line ${String(step.line)}`;
  return [t(` ${signal} was delivered${where}, and the program's own handler ran.`)];
}

function endingWords(result: TimelessResult, source: string, stopPressed: boolean): EndingPart[] {
  const status = (n: number): string => `status ${String(n)}`;
  switch (result.outcome) {
    case "exit": {
      if (result.interruptedAt) {
        const where =
          result.interruptedAt.line === null ? "" : ` on line ${String(result.interruptedAt.line)}`;
        return [
          t(
            `${stopPressed ? "You pressed Stop: " : ""}KeyboardInterrupt was raised${where} and handled by the script; exited with ${status(result.exitCode)}.`,
          ),
        ];
      }
      switch (result.cause) {
        case "end":
          return [t(`Finished normally — exited with ${status(result.exitCode)}.`)];
        case "SystemExit":
          return [t(`Exited with ${status(result.exitCode)}`), ...at(source, result.line), t(".")];
        case "os._exit": {
          const code = lineText(source, result.line);
          return [
            ...(code ? [c(code)] : [c("os._exit()")]),
            t(
              `${result.line === null ? "" : ` on line ${String(result.line)}`}: ended immediately, no cleanup ran (no finally, no atexit) — ${status(result.exitCode)}.`,
            ),
          ];
        }
        default:
          return assertNever(result.cause);
      }
    }
    case "exception": {
      const { type, message } = result.exception;
      return [
        t("Uncaught "),
        c(clip(message ? `${type}: ${message}` : type)),
        t(` — ${status(1)}`),
        ...(result.line === null ? [] : [t(`, raised on line ${String(result.line)}`)]),
        t("."),
      ];
    }
    case "interrupt": {
      const where = result.line === null ? "" : ` on line ${String(result.line)}`;
      const how = result.exception
        ? `KeyboardInterrupt was raised${where} and not caught`
        : `the script's SIGINT handler is SIG_DFL, so it died at once${where}`;
      return [t(`${stopPressed ? "You pressed Stop: " : "Interrupted: "}${how} — ${status(130)}.`)];
    }
    case "signal":
      return [
        t(`Ended by ${result.signal}`),
        ...(result.line === null ? [] : [t(` on line ${String(result.line)}`)]),
        t(
          `: its default action ends the program at once, so no finally or atexit handler ran — ${status(result.exitCode)}.`,
        ),
      ];
    case "killed":
      return [t(`Killed: ${result.reason} — ${status(137)}.`)];
    case "crash":
      return [t(`The Python runtime crashed: ${clip(result.message)} (${status(134)}).`)];
    default:
      return assertNever(result);
  }
}
