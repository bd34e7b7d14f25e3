/** Maximum length of a person's name that the app stores, in characters. */
export const MAX_USER_NAME_LENGTH = 100;

/** A rejected name: the check that failed, and a message to follow "the name". */
export interface NameProblem {
  code:
    | "too-long"
    | "control-character"
    | "line-break"
    | "bidi-control"
    | "replacement-character"
    | "invisible";
  message: string;
}

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029]);

/**
 * C0 and C1 control characters and DEL (U+0000 to U+001F and U+007F to U+009F). A NUL or a tab in a name ends up as is in the gradebook
 * CSV and in the browser's form options.
 */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * The explicit bidirectional embeddings, overrides and isolates (U+202A to U+202E and U+2066 to
 * U+2069). They reverse or reorder how the text after them is shown, so a name could make the
 * email or score next to it read differently.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * A character that shows something. White space, control and format characters (such as U+200B
 * ZERO WIDTH SPACE) and combining marks do not count. Nor do the blank letters that fonts draw
 * as empty: the Hangul fillers and the blank Braille pattern.
 */
const VISIBLE_CHARACTER =
  /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Zs}\u115f\u1160\u3164\uffa0\u2800]/u;

/** Formats a code point as Unicode writes it, such as U+0000 or U+202E. */
export function codePointLabel(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Returns why `name` cannot be stored as a person's name, or null when it can. The name is
 * checked as it is stored, without white space at either end, and an empty name is allowed
 * because the account then shows its email address. The length limit keeps one name from
 * widening every table that shows it. The other checks keep names readable in every place that
 * shows them: a name must show at least one character and contain no control character, line
 * break or bidirectional override. Nor may it contain U+FFFD, which a file read in the wrong
 * encoding leaves in place of letters that are then lost. The add-member form and the roster
 * import both call this.
 */
export function checkUserName(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (trimmed.length > MAX_USER_NAME_LENGTH) {
    const entered = trimmed.length.toLocaleString("en-US");
    const message = `is too long: at most ${MAX_USER_NAME_LENGTH} characters (you entered ${entered})`;
    return { code: "too-long", message };
  }
  for (const character of trimmed) {
    const problem = characterProblem(character);
    if (problem !== null) return problem;
  }
  if (trimmed !== "" && !VISIBLE_CHARACTER.test(trimmed)) {
    const codePoints = [...new Set(trimmed)].slice(0, 3).map(codePointLabel).join(", ");
    const message = `has no visible character (it contains only ${codePoints})`;
    return { code: "invisible", message };
  }
  return null;
}

function characterProblem(character: string): NameProblem | null {
  const code = character.codePointAt(0) ?? 0;
  const label = codePointLabel(character);
  if (LINE_BREAKS.has(code)) {
    return { code: "line-break", message: `contains a line break (${label})` };
  }
  if (CONTROL_CHARACTER.test(character)) {
    return { code: "control-character", message: `contains a control character (${label})` };
  }
  if (BIDI_CONTROL.test(character)) {
    const message =
      `contains a bidirectional formatting character (${label}), which changes the direction ` +
      "of the text shown after it";
    return { code: "bidi-control", message };
  }
  if (code === 0xfffd) {
    const message =
      "contains the replacement character (U+FFFD), which stands for bytes that were not " +
      'valid text: type the name again, or save the roster as "CSV UTF-8" and import it again';
    return { code: "replacement-character", message };
  }
  return null;
}
