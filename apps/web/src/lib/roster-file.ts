/**
 * Largest roster that an import reads, in characters (UTF-16 code units, as JavaScript counts a
 * string's length). At about 60 characters a row, that is about 4,000 rows.
 */
export const MAX_ROSTER_LENGTH = 256 * 1024;

/** The limit as the form states it next to the roster fields. */
export const ROSTER_LIMIT_HINT =
  `At most ${MAX_ROSTER_LENGTH.toLocaleString("en-US")} characters, about 4,000 rows: ` +
  "split a longer roster into several files.";

/**
 * Returns the sentence for a roster over {@link MAX_ROSTER_LENGTH}, or null within the limit.
 * `subject` names the text, such as "the file" or "the roster". The form and the server both
 * use it, so the admin reads one limit in one unit.
 */
export function rosterSizeProblem(length: number, subject: string): string | null {
  if (length <= MAX_ROSTER_LENGTH) {
    return null;
  }
  return (
    `${subject} has ${length.toLocaleString("en-US")} characters, more than the limit of ` +
    `${MAX_ROSTER_LENGTH.toLocaleString("en-US")} (about 4,000 rows): split it into smaller ` +
    "files and import them one by one."
  );
}

/**
 * The text of a roster file and the character encoding it was read in. `windows-1252` means the
 * file was not valid UTF-8, so its letters are a guess that the admin should check.
 */
export interface DecodedRoster {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

/**
 * Reads a roster file's bytes as text. A file with a UTF-16 byte order mark, as Excel's
 * "Unicode Text" writes it, is read as UTF-16. Any other file is read as UTF-8 when all of it is
 * valid UTF-8, and otherwise as Windows-1252, the code page that Excel's "CSV (Comma
 * delimited)" writes on Windows in Western European locales. Windows-1252 decodes every byte,
 * so the result never contains U+FFFD from a failed decoding. The five bytes that Windows-1252
 * leaves undefined become C1 control characters, which the name check rejects.
 */
export function decodeRosterFile(bytes: Uint8Array): DecodedRoster {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/**
 * The characters of the bytes 0x80 to 0x9F in Windows-1252, as the WHATWG Encoding Standard
 * maps them. The five bytes that the code page leaves undefined map to the C1 control of the
 * same number.
 */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Decodes Windows-1252 by its table. Node 20's TextDecoder reads the label "windows-1252" as
 * ISO-8859-1, which turns 0x80 into U+0080 instead of the euro sign, so the app does not rely
 * on it.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    const high = byte >= 0x80 && byte <= 0x9f;
    text += high ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

/** The note shown under the roster when the file was read as Windows-1252. */
export const WINDOWS_1252_NOTE =
  "Read as Windows-1252, since the file is not UTF-8: check the names below. If letters look " +
  'wrong, save the file in Excel as "CSV UTF-8 (Comma delimited)" and choose it again.';
