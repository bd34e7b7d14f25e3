import { createReadStream } from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";

import { JSON_LIMITS } from "../submission/index";

/** A submission's text, or a failure that the caller has already reported. */
export type InputResult = { ok: true; text: string } | { ok: false };

/**
 * Reads a file argument, or standard input for `-`, and reports a failure on `stderr`.
 * The read stops once the text is longer than `JSON_LIMITS.maxLength`, because the engine
 * rejects such a text and a special file such as /dev/zero never ends.
 */
export async function readInput(
  argument: string,
  context: { cwd: string; stdin: () => AsyncIterable<Buffer>; stderr: (text: string) => void },
): Promise<InputResult> {
  const file = path.resolve(context.cwd, argument);
  const source = argument === "-" ? "standard input" : `${argument} (${file})`;
  let text: string | undefined;
  try {
    const chunks = argument === "-" ? context.stdin() : createReadStream(file);
    text = await readUpTo(chunks, JSON_LIMITS.maxLength);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : String(error);
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code;
    context.stderr(`cannot read ${source}: ${reason}\n`);
    return { ok: false };
  }

  if (text === undefined) {
    context.stderr(
      `cannot read ${source}: the input is larger than ${JSON_LIMITS.maxLength} characters, ` +
        `the limit for a submission\n`,
    );
    return { ok: false };
  }
  return { ok: true, text };
}

/**
 * Decodes UTF-8 chunks into text of at most `limit` UTF-16 code units, the unit the engine
 * counts in. Returns undefined as soon as the text is longer, which stops the stream.
 */
async function readUpTo(chunks: AsyncIterable<Buffer>, limit: number): Promise<string | undefined> {
  const decoder = new StringDecoder("utf8");
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const part = decoder.write(chunk);
    parts.push(part);
    length += part.length;
    // Leaving a for-await loop early destroys the stream, so nothing more is read.
    if (length > limit) return undefined;
  }
  parts.push(decoder.end());
  return parts.join("");
}
