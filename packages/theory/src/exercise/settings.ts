import { z } from "zod";

/** Whether students see an exercise: "visible" to every member, "hidden" from students. */
export const exerciseVisibilitySchema = z.enum(["visible", "hidden"]);

export type ExerciseVisibility = z.output<typeof exerciseVisibilitySchema>;

/**
 * Fields of an exercise file that the platform stores as settings of the exercise, apart from
 * its definition, so that changing them creates no new version. The engine never reads them.
 * Each is optional: a file without one leaves the platform's setting as it is.
 */
export const exerciseSettingsShape = {
  /** Whether students see the exercise. */
  visibility: exerciseVisibilitySchema.optional(),
  /** Deadline for attempts as an ISO 8601 date and time with an offset, or null for none. */
  dueDate: z.iso
    .datetime({
      offset: true,
      message: "must be an ISO 8601 date and time with an offset, such as 2027-02-01T09:00:00Z",
    })
    .nullable()
    .optional(),
};

/** The settings fields an exported exercise file carries, all of them set. */
export interface ExerciseSettings {
  visibility: ExerciseVisibility;
  /** ISO 8601 date and time, or null for no due date. */
  dueDate: string | null;
}

const SETTING_KEYS: ReadonlySet<string> = new Set(Object.keys(exerciseSettingsShape));

/** A member of the top-level object of a JSON text, as offsets into the text. */
interface MemberSpan {
  key: string;
  /** Start of the whitespace between the preceding `{` or `,` and the key. */
  gapStart: number;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * Removes every settings field (`visibility`, `dueDate`) from the JSON text of an exercise file
 * and keeps everything else as written, so the result is the exercise's definition. For a
 * definition without settings fields it undoes {@link writeExerciseSettings} exactly. The text
 * must be a valid JSON object.
 */
export function removeExerciseSettings(text: string): string {
  let result = text;
  for (;;) {
    const members = scanMembers(result);
    const index = members.findIndex((member) => SETTING_KEYS.has(member.key));
    if (index < 0) return result;
    const member = members[index]!;
    const previous = members[index - 1];
    const next = members[index + 1];
    // Cut from the end of the preceding value, so that its comma goes with the removed field.
    // The first field takes the comma after it instead.
    const [start, end] =
      previous !== undefined
        ? [previous.valueEnd, member.valueEnd]
        : [member.keyStart, next?.keyStart ?? member.valueEnd];
    result = result.slice(0, start) + result.slice(end);
  }
}

/**
 * Writes `settings` as the last fields of an exercise definition's JSON text, in the layout of
 * its last field, after removing any settings fields the text contains. The text must be a
 * valid JSON object.
 */
export function writeExerciseSettings(definition: string, settings: ExerciseSettings): string {
  const text = removeExerciseSettings(definition);
  const members = scanMembers(text);
  const last = members.at(-1);
  const fields = Object.entries({ visibility: settings.visibility, dueDate: settings.dueDate });
  if (last === undefined) {
    const open = text.indexOf("{") + 1;
    const body = fields.map(([key, value]) => ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    return `${text.slice(0, open)}${body.join(",")} ${text.slice(open)}`;
  }
  const gap = text.slice(last.gapStart, last.keyStart);
  const colon = text.slice(last.keyEnd, last.valueStart);
  const added = fields
    .map(([key, value]) => `,${gap}${JSON.stringify(key)}${colon}${JSON.stringify(value)}`)
    .join("");
  return text.slice(0, last.valueEnd) + added + text.slice(last.valueEnd);
}

/** Lists the members of the top-level object of a valid JSON text, in text order. */
function scanMembers(text: string): MemberSpan[] {
  const members: MemberSpan[] = [];
  let at = skipWhitespace(text, 0);
  if (text[at] !== "{") throw new Error("The exercise file is not a JSON object.");
  at += 1;
  for (;;) {
    const gapStart = at;
    at = skipWhitespace(text, at);
    if (text[at] === "}") return members;
    const keyStart = at;
    const keyEnd = skipString(text, keyStart);
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    const valueEnd = skipValue(text, valueStart);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    members.push({ key, gapStart, keyStart, keyEnd, valueStart, valueEnd });
    at = skipWhitespace(text, valueEnd);
    if (text[at] !== ",") return members;
    at += 1;
  }
}

function skipWhitespace(text: string, start: number): number {
  let at = start;
  while (at < text.length && " \t\n\r".includes(text[at]!)) at += 1;
  return at;
}

/** Returns the offset after the string that starts with the quote at `start`. */
function skipString(text: string, start: number): number {
  let at = start + 1;
  while (at < text.length && text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
  return at + 1;
}

/** Returns the offset after the JSON value that starts at `start`. */
function skipValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return skipString(text, start);
  if (first !== "{" && first !== "[") {
    let at = start;
    while (at < text.length && !",}] \t\n\r".includes(text[at]!)) at += 1;
    return at;
  }
  let depth = 0;
  let at = start;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '"') {
      at = skipString(text, at);
      continue;
    }
    if (char === "{" || char === "[") depth += 1;
    if (char === "}" || char === "]") depth -= 1;
    at += 1;
    if (depth === 0) return at;
  }
  return at;
}
