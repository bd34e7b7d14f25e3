import { describe, expect, test } from "vitest";

import { checkUserName } from "./user-name";

describe("checkUserName", () => {
  test.each([
    ["a plain name", "Ada Lovelace"],
    ["an empty name", ""],
    ["spaces only", "   "],
    ["spaces around a name", "  Ada  "],
    ["accented letters", "Zoë Brückner"],
    ["a zero-width joiner inside an emoji", "Ana 👩‍🔬"],
    ["a zero-width non-joiner between letters", "می‌خواهم"],
    ["a right-to-left name", "עדה לאבלייס"],
    ["a left-to-right mark", "Ada\u200e"],
    ["100 characters", "x".repeat(100)],
  ])("accepts %s", (_case, name) => {
    expect(checkUserName(name)).toBeNull();
  });

  test.each([
    ["NUL", "Null\u0000Char", "contains a control character (U+0000)"],
    ["a tab", "Tab\tName", "contains a control character (U+0009)"],
    ["DEL", "Del\u007fName", "contains a control character (U+007F)"],
    ["a C1 control", "Ctl\u0090Name", "contains a control character (U+0090)"],
    ["a line feed", "Line\nBreak", "contains a line break (U+000A)"],
    ["a carriage return", "Line\rBreak", "contains a line break (U+000D)"],
    ["next line", "Line\u0085Break", "contains a line break (U+0085)"],
    ["a line separator", "Line\u2028Break", "contains a line break (U+2028)"],
    ["a paragraph separator", "Line\u2029Break", "contains a line break (U+2029)"],
  ])("rejects %s", (_case, name, message) => {
    expect(checkUserName(name)?.message).toBe(message);
  });

  test.each([
    ["U+202A", "\u202aName"],
    ["U+202B", "\u202bName"],
    ["U+202C", "Name\u202c"],
    ["U+202D", "\u202dName"],
    ["U+202E", "\u202eevil\u202c Name"],
    ["U+2066", "\u2066Name"],
    ["U+2067", "\u2067Name"],
    ["U+2068", "\u2068Name"],
    ["U+2069", "Name\u2069"],
  ])("rejects the bidirectional character %s", (label, name) => {
    expect(checkUserName(name)).toEqual({
      code: "bidi-control",
      message:
        `contains a bidirectional formatting character (${label}), which changes the ` +
        "direction of the text shown after it",
    });
  });

  test.each([
    ["a zero-width space", "\u200b", "U+200B"],
    ["zero-width characters between spaces", " \u200b\u200c\u200b ", "U+200B, U+200C"],
    ["a word joiner and a soft hyphen", "\u2060\u00ad", "U+2060, U+00AD"],
    ["a combining mark alone", "\u0301", "U+0301"],
    ["a Hangul filler", "\u3164", "U+3164"],
    ["a blank Braille pattern", "\u2800", "U+2800"],
  ])("rejects %s as invisible", (_case, name, shown) => {
    expect(checkUserName(name)).toEqual({
      code: "invisible",
      message: `has no visible character (it contains only ${shown})`,
    });
  });

  test("measures the length without surrounding spaces", () => {
    expect(checkUserName(`  ${"x".repeat(100)}  `)).toBeNull();
    expect(checkUserName("x".repeat(101))).toEqual({
      code: "too-long",
      message: "is too long: at most 100 characters (you entered 101)",
    });
  });

  test("trims line breaks at either end", () => {
    expect(checkUserName("\nAda\r\n")).toBeNull();
  });
});

describe("checkUserName with U+FFFD", () => {
  test("rejects a replacement character", () => {
    expect(checkUserName("Zo\uFFFD Br\uFFFDckner")).toEqual({
      code: "replacement-character",
      message:
        "contains the replacement character (U+FFFD), which stands for bytes that were not " +
        'valid text: type the name again, or save the roster as "CSV UTF-8" and import it again',
    });
  });
});
