/**
 * The way out in short words, for a learner: one item per step of `RunResult.wayOut` (what started
 * the end, each handler and frame, the atexit handlers — and what never ran), then the exit status
 * as a shell sees it, with its rule. Parts are text or inline code, rendered as text nodes by the
 * live block (`components/way-out-view.ts`) and the build's verified result alike.
 */
import type { EndingPart } from "./ending-words.ts";
import { assertNever, type TimelessResult, type WayOutKind, type WayOutStep } from "./result.ts";

/** One step, drawn as one item of the "The way out" list. */
export interface WayOutItem {
  step: WayOutKind;
  ran: boolean;
  line: number | null;
  parts: EndingPart[];
  /** What reached the terminal while the step ran, as plain text (no escape sequences). */
  printed: string | null;
}

/** A terminal's escape sequences (CSI, OSC, and the two-byte ones): colour is not kept here. */
// eslint-disable-next-line no-control-regex -- matching ESC is the point: these are escapes
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

/** A step's output is shown up to this many lines (the terminal above has all of it). */
const PRINTED_LINES = 12;

/** `text` as a terminal leaves it: escapes dropped, each line what follows its last `\r`. */
export function plainPrinted(text: string): string {
  const lines = text
    .replace(ESCAPES, "")
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.slice(line.replace(/\r+$/, "").lastIndexOf("\r") + 1).replace(/\r+$/, ""));
  if (lines.length <= PRINTED_LINES) return lines.join("\n");
  const more = lines.length - PRINTED_LINES;
  return `${lines.slice(0, PRINTED_LINES).join("\n")}\n… (${String(more)} more line${more === 1 ? "" : "s"})`;
}

const t = (text: string): EndingPart => ({ code: false, text });
const c = (text: string): EndingPart => ({ code: true, text });
/** Names come from the program (a class's repr may be anything): kept short. */
const short = (text: string, max = 80): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;

function stepParts(s: WayOutStep): EndingPart[] {
  const name = short(s.name);
  const ran = s.ran ? " ran" : " never ran";
  switch (s.step) {
    case "start":
    case "signal": {
      const call = name.endsWith(" called") ? name.slice(0, -" called".length) : null;
      return call ? [c(call), t(" called")] : [t(name)];
    }
    case "except":
      return [c(name), t(s.reraised ? " caught it, then raised it again" : " caught it")];
    case "finally":
      return [c("finally:"), t(ran)];
    case "with":
      return [c(`with ${name}`), t(s.ran ? ": its __exit__ ran" : ": its __exit__ never ran")];
    case "unwind": {
      const where = name === "<module>" ? [t("left the module")] : [t("left "), c(`${name}()`)];
      return s.repeated ? [...where, t(` (and ${String(s.repeated)} more times)`)] : where;
    }
    case "atexit":
      return [t("atexit handler "), c(`${name}()`), t(ran)];
    case "flush":
      // What never reached the terminal, quoted so a reader sees it was lost.
      return s.text === undefined ? [t(name)] : [t(`${name}: `), c(JSON.stringify(s.text))];
    case "kill":
    case "exit":
      return [t(name)];
    default:
      return assertNever(s.step);
  }
}

/** The exit status as a shell sees it, and why it is that number. */
function exitParts(result: TimelessResult): EndingPart[] {
  const status = [c("$ python3 snippet.py; echo $?"), t(" → "), c(String(result.exitCode))];
  switch (result.outcome) {
    case "exit":
      return [
        ...status,
        t(
          result.cause === "end"
            ? " (the program finished)"
            : result.cause === "os._exit"
              ? " (os._exit's argument, as given)"
              : " (sys.exit's argument: None → 0, an int as is, anything else is printed and gives 1)",
        ),
      ];
    case "exception":
      return [...status, t(" (an uncaught exception)")];
    case "interrupt":
      return [...status, t(" (128 + 2: ended by SIGINT)")];
    case "signal":
      return [
        ...status,
        t(` (128 + ${String(result.exitCode - 128)}: ended by ${result.signal}'s default action)`),
      ];
    case "killed":
      return [...status, t(" (128 + 9: killed with SIGKILL, nothing more ran)")];
    case "crash":
      return [...status, t(" (128 + 6: the runtime aborted)")];
    default:
      return assertNever(result);
  }
}

/** What ended a run that the interpreter could not account for itself (it was gone). */
function outsideEnd(result: TimelessResult): WayOutItem[] {
  const item = (step: WayOutKind, text: string): WayOutItem[] => [
    { step, ran: true, line: null, parts: [t(text)], printed: null },
  ];
  if (result.outcome === "killed")
    return item(
      "kill",
      `Killed (SIGKILL): ${short(result.reason, 400)}. Nothing still pending ran: no finally, no with exit, no atexit handler.`,
    );
  if (result.outcome === "crash")
    return item("start", `The runtime failed: ${short(result.message, 200)}`);
  return [];
}

/** The items of a run's way out, the exit status last. */
export function wayOutItems(result: TimelessResult): WayOutItem[] {
  const steps = (result.wayOut ?? []).map((s): WayOutItem => ({
    step: s.step,
    ran: s.ran,
    line: s.line,
    parts: stepParts(s),
    printed: s.printed === undefined ? null : plainPrinted(s.printed),
  }));
  const exit: WayOutItem = {
    step: "exit",
    ran: true,
    line: null,
    parts: exitParts(result),
    printed: null,
  };
  return [...(result.wayOut ? steps : outsideEnd(result)), exit];
}
