/**
 * A strict JSON reader (RFC 8259) that keeps number literals as their source text, because
 * `JSON.parse` rounds 12345678901234567890 to a double before any exact reader sees it.
 */

/** Bounds on submitted JSON text; documented in the package README. */
export const JSON_LIMITS = {
  /** Longest accepted text, in UTF-16 code units (1 MiB of ASCII). */
  maxLength: 1_048_576,
  /** Deepest accepted nesting of arrays and objects; a native submission needs 4. */
  maxDepth: 64,
} as const;

/** A JSON number literal kept exactly as written, e.g. `12345678901234567890` or `-5e-1`. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/**
 * A parsed JSON value. Objects have a null prototype, so a key such as `__proto__` is an
 * ordinary key, and they keep the order of the text.
 */
export type JsonValue =
  null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/** Keys and array indices from the root to a value: `["layers", 0, "weights"]`. */
export type JsonPath = (string | number)[];

/** A reason a text is rejected as JSON, at a 1-based line and column of the text. */
export type JsonError =
  | { code: "syntax"; line: number; column: number; expected: string; received: string }
  | { code: "too-long"; line: 1; column: 1; bound: number; received: number }
  | { code: "too-deep"; line: number; column: number; bound: number }
  | { code: "duplicate-key"; line: number; column: number; key: string; path: JsonPath };

export type JsonResult = { ok: true; value: JsonValue } | { ok: false; error: JsonError };

/** Thrown inside the parser only; `parseJson` turns it into a returned error. */
class JsonFailure extends Error {
  constructor(readonly error: JsonError) {
    super(error.code);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/**
 * Parses JSON text strictly: no comments, trailing commas, single quotes, NaN or duplicate
 * keys. Numbers become `JsonNumber`s holding their literal text. Recursion is bounded by
 * `JSON_LIMITS.maxDepth`, so no input can overflow the stack.
 */
export function parseJson(text: string): JsonResult {
  if (text.length > JSON_LIMITS.maxLength) {
    const error: JsonError = {
      code: "too-long",
      line: 1,
      column: 1,
      bound: JSON_LIMITS.maxLength,
      received: text.length,
    };
    return { ok: false, error };
  }
  try {
    return { ok: true, value: new Parser(text).parseDocument() };
  } catch (caught) {
    if (caught instanceof JsonFailure) return { ok: false, error: caught.error };
    throw caught;
  }
}

class Parser {
  private offset = 0;
  private readonly path: JsonPath = [];

  constructor(private readonly text: string) {
    // RFC 8259 lets a parser ignore a byte order mark, which some editors add.
    if (text.startsWith("\uFEFF")) this.offset = 1;
  }

  parseDocument(): JsonValue {
    this.skipWhitespace();
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail("end of input");
    return value;
  }

  private parseValue(depth: number): JsonValue {
    const char = this.text[this.offset];
    if (char === "{") return this.parseObject(depth + 1);
    if (char === "[") return this.parseArray(depth + 1);
    if (char === '"') return this.parseString();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) {
      return this.parseNumber();
    }
    if (this.text.startsWith("true", this.offset)) return this.advance(4, true);
    if (this.text.startsWith("false", this.offset)) return this.advance(5, false);
    if (this.text.startsWith("null", this.offset)) return this.advance(4, null);
    return this.fail("a value");
  }

  private parseObject(depth: number): JsonValue {
    this.checkDepth(depth);
    this.offset += 1;
    const object: { [key: string]: JsonValue } = Object.create(null);
    this.skipWhitespace();
    if (this.consume("}")) return object;

    for (;;) {
      if (this.text[this.offset] !== '"') this.fail("a string key");
      const keyOffset = this.offset;
      const key = this.parseString();
      if (Object.hasOwn(object, key)) this.duplicateKey(key, keyOffset);
      this.skipWhitespace();
      if (!this.consume(":")) this.fail("':'");
      this.skipWhitespace();

      this.path.push(key);
      object[key] = this.parseValue(depth);
      this.path.pop();

      this.skipWhitespace();
      if (this.consume("}")) return object;
      if (!this.consume(",")) this.fail("',' or '}'");
      this.skipWhitespace();
    }
  }

  private parseArray(depth: number): JsonValue {
    this.checkDepth(depth);
    this.offset += 1;
    const array: JsonValue[] = [];
    this.skipWhitespace();
    if (this.consume("]")) return array;

    for (;;) {
      this.path.push(array.length);
      array.push(this.parseValue(depth));
      this.path.pop();

      this.skipWhitespace();
      if (this.consume("]")) return array;
      if (!this.consume(",")) this.fail("',' or ']'");
      this.skipWhitespace();
    }
  }

  private parseString(): string {
    this.offset += 1;
    let result = "";
    let start = this.offset;
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined) return this.fail("'\"' to close the string");
      if (char === '"') break;
      if (char < " ") return this.fail("an escape such as \\n instead of a control character");
      if (char !== "\\") {
        this.offset += 1;
        continue;
      }
      result += this.text.slice(start, this.offset);
      result += this.parseEscape();
      start = this.offset;
    }
    result += this.text.slice(start, this.offset);
    this.offset += 1;
    return result;
  }

  /** Reads one escape sequence starting at its backslash. */
  private parseEscape(): string {
    this.offset += 1;
    const char = this.text[this.offset];
    const simple = char === undefined ? undefined : ESCAPES[char];
    if (simple !== undefined) {
      this.offset += 1;
      return simple;
    }
    if (char !== "u") return this.fail('an escape: one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u');
    const hex = this.text.slice(this.offset + 1, this.offset + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
      this.offset += 1;
      return this.fail("four hexadecimal digits after \\u");
    }
    this.offset += 5;
    return String.fromCharCode(Number.parseInt(hex, 16));
  }

  private parseNumber(): JsonNumber {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match === null) {
      this.offset += 1;
      return this.fail("a digit");
    }
    this.offset += match[0].length;
    const next = this.text[this.offset];
    // `01`, `1.` and `1e` match a shorter literal; name the digit or dot that breaks the form.
    if (next !== undefined && /[0-9.eE]/.test(next)) this.fail("',', ']', '}' or end of number");
    return new JsonNumber(match[0]);
  }

  private checkDepth(depth: number): void {
    if (depth > JSON_LIMITS.maxDepth) {
      const { line, column } = this.position(this.offset);
      throw new JsonFailure({ code: "too-deep", line, column, bound: JSON_LIMITS.maxDepth });
    }
  }

  private duplicateKey(key: string, keyOffset: number): never {
    const { line, column } = this.position(keyOffset);
    const path = [...this.path];
    throw new JsonFailure({ code: "duplicate-key", line, column, key, path });
  }

  private skipWhitespace(): void {
    for (;;) {
      const char = this.text[this.offset];
      if (char !== " " && char !== "\t" && char !== "\n" && char !== "\r") return;
      this.offset += 1;
    }
  }

  private consume(char: string): boolean {
    if (this.text[this.offset] !== char) return false;
    this.offset += 1;
    return true;
  }

  private advance<T>(length: number, value: T): T {
    this.offset += length;
    return value;
  }

  private fail(expected: string): never {
    const { line, column } = this.position(this.offset);
    const received = describeCharacter(this.text, this.offset);
    throw new JsonFailure({ code: "syntax", line, column, expected, received });
  }

  /** Converts an offset into a 1-based line and column; `\r\n` and `\n` end a line. */
  private position(offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let index = this.text.indexOf("\n"); index >= 0 && index < offset;) {
      line += 1;
      lineStart = index + 1;
      index = this.text.indexOf("\n", lineStart);
    }
    return { line, column: offset - lineStart + 1 };
  }
}

function describeCharacter(text: string, offset: number): string {
  const char = text.codePointAt(offset);
  if (char === undefined) return "end of input";
  if (char < 0x20 || char === 0x7f) return `U+${char.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${String.fromCodePoint(char)}'`;
}
