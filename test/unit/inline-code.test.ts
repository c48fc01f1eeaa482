import { test } from "node:test";
import assert from "node:assert/strict";
import { plainText, splitInlineCode } from "../../src/site/inline-code.ts";

test("backtick spans become code parts, the rest stays text", () => {
  assert.deepEqual(splitInlineCode("use `sys.exit()` or `os._exit()`."), [
    { type: "text", value: "use " },
    { type: "code", value: "sys.exit()" },
    { type: "text", value: " or " },
    { type: "code", value: "os._exit()" },
    { type: "text", value: "." },
  ]);
});

test("an unmatched backtick and markup-looking text stay literal", () => {
  assert.deepEqual(splitInlineCode("a ` b <b>"), [{ type: "text", value: "a ` b <b>" }]);
  assert.equal(plainText("run `print(1)` now"), "run print(1) now");
});
