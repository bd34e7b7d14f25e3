import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import busboy from "next/dist/compiled/busboy";

import { MAX_ACTION_BODY_BYTES } from "@/lib/submission-limits";

import { findArgumentListProblem, findValueProblem } from "./action-arguments";

/**
 * Maximum number of parts in a server action's multipart body. The app's forms send fewer than
 * 20, and the bound keeps the proxy's parsing of a hand-made body short.
 */
export const MAX_ACTION_FORM_PARTS = 1_000;

/** One part of a multipart body: a text field, or a file with its Content-Transfer-Encoding. */
export type FormPart =
  | { name: string | undefined; text: string }
  | { name: string | undefined; file: { encoding: string } };

const MALFORMED_BODY =
  "the multipart/form-data body is malformed or cut off: its parts do not follow the boundary of its Content-Type";

/**
 * Finds why Next.js 16.5 would fail with a 500 on a multipart POST, or returns null. The body
 * is read with the parser Next.js reads it with: busboy for an action call from the page's
 * script (a `Next-Action` header, `fetchAction`), `Request.formData()` for a form posted
 * without script. The result completes "Invalid server action request: …".
 */
export async function findMultipartProblem(
  contentType: string,
  body: ArrayBuffer,
  fetchAction: boolean,
): Promise<string | null> {
  const parts = fetchAction
    ? await readPartsAsNextActionCall(contentType, body)
    : await readPartsAsForm(contentType, body);
  if (typeof parts === "string") return parts;
  if (parts.length > MAX_ACTION_FORM_PARTS) {
    const limit = MAX_ACTION_FORM_PARTS.toLocaleString("en");
    return `the body has ${parts.length.toLocaleString("en")} parts, more than the maximum of ${limit}`;
  }
  return fetchAction ? findArgumentsPartProblem(parts) : findFormFieldsProblem(parts);
}

/** Reads the parts as Next.js does for an action call, with the same busboy options. */
export async function readPartsAsNextActionCall(
  contentType: string,
  body: ArrayBuffer,
): Promise<FormPart[] | string> {
  let parser;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { fieldSize: MAX_ACTION_BODY_BYTES },
    });
  } catch {
    return "the Content-Type is not multipart/form-data with a boundary parameter";
  }
  const parts: FormPart[] = [];
  parser.on("field", (name, text) => parts.push({ name, text }));
  parser.on("file", (name, stream, { encoding }) => {
    parts.push({ name, file: { encoding } });
    stream.resume();
  });
  try {
    await pipeline(Readable.from([Buffer.from(body)]), parser);
  } catch {
    return MALFORMED_BODY;
  }
  return parts;
}

/** Reads the parts as Next.js does for a form posted without script. */
export async function readPartsAsForm(
  contentType: string,
  body: ArrayBuffer,
): Promise<FormPart[] | string> {
  if (!/;\s*boundary\s*=\s*("[^"]+"|[^\s;"]+)/i.test(contentType)) {
    return "the Content-Type is not multipart/form-data with a boundary parameter";
  }
  let form: FormData;
  try {
    const request = new Request("http://127.0.0.1/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    form = await request.formData();
  } catch {
    // NOTE: The parser of Node.js 20's undici also fails when the boundary text occurs inside a
    // part, where Next.js fails the same way. Chromium's boundaries end in 16 random characters,
    // so forms from a browser do not run into this in practice.
    return MALFORMED_BODY;
  }
  return [...form].map(([name, value]) =>
    typeof value === "string" ? { name, text: value } : { name, file: { encoding: "binary" } },
  );
}

/**
 * Checks the parts of an action call. React resolves its root, the arguments, from every text
 * part whose name is 0 as a number ("0", "", "00", also "S0"), so exactly one may be sent. A
 * file, a part without a name and a base64 file each make React's decoder throw.
 */
function findArgumentsPartProblem(parts: FormPart[]): string | null {
  for (const part of parts) {
    if (part.name === undefined) {
      return "a part has no name in its Content-Disposition";
    }
    if ("file" in part && part.file.encoding.toLowerCase() === "base64") {
      return `the file part "${part.name}" is base64-encoded, which React does not accept`;
    }
  }
  const roots = parts.filter((part) => namesRoot(part.name ?? ""));
  const root = roots[0];
  if (root === undefined) {
    return 'the body has no part named "0" with the action\'s arguments';
  }
  if (roots.length > 1) {
    return `the body has ${roots.length} parts named "0" or a name React reads as 0; send one`;
  }
  if (!("text" in root)) {
    return 'part "0" is a file, but it must be a text field with the action\'s arguments';
  }
  const problem = findArgumentListProblem(root.text, "form-data");
  return problem === null ? null : `part "0" ${problem}`;
}

/** Checks whether React (react-server-dom 19.3) reads a part of this name as the reply's root. */
function namesRoot(name: string): boolean {
  const id = name.startsWith("S") && name.length > 1 ? name.slice(1) : name;
  return Number(id) === 0;
}

/**
 * Checks the fields of a form posted without script. `$ACTION_n:0` names the action and its
 * bound arguments as `{"id": …, "bound": "$@k"}`, where `$@k` points to the field `$ACTION_n:k`
 * holding the arguments as a JSON array. React reads the last field of a name. Next.js rejects
 * an unknown action id with a 400 itself.
 */
function findFormFieldsProblem(parts: FormPart[]): string | null {
  const fields = new Map<string, FormPart>();
  for (const part of parts) {
    if (part.name !== undefined) fields.set(part.name, part);
  }
  for (const name of fields.keys()) {
    if (!name.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${name.slice("$ACTION_REF_".length)}:`;
    const problem = findBoundActionProblem(fields, prefix);
    if (problem !== null) return problem;
  }
  return null;
}

function findBoundActionProblem(fields: Map<string, FormPart>, prefix: string): string | null {
  const metadataField = `${prefix}0`;
  const metadata = parseJsonField(fields.get(metadataField));
  const bound = isRecord(metadata) ? metadata["bound"] : undefined;
  const boundReference = typeof bound === "string" ? /^\$@([0-9a-f]+)$/.exec(bound) : null;
  if (!isRecord(metadata) || (bound !== null && boundReference === null)) {
    return `field "${metadataField}" must be a JSON object with the action's "id" and "bound": null or "$@<n>"`;
  }
  const metadataProblem = findValueProblem({ ...metadata, bound: null }, "none");
  if (metadataProblem !== null) {
    return `field "${metadataField}" ${metadataProblem}`;
  }
  if (boundReference === null) return null;

  // React looks a part up by its number in decimal, and part 0 is the metadata itself.
  const boundField = `${prefix}${Number.parseInt(boundReference[1] ?? "0", 16)}`;
  const boundArguments = fields.get(boundField);
  if (boundField === metadataField || boundArguments === undefined || !("text" in boundArguments)) {
    return `field "${boundField}", which "${metadataField}" names, is missing, a file or the metadata itself`;
  }
  const problem = findArgumentListProblem(boundArguments.text, "form-data");
  return problem === null ? null : `field "${boundField}" ${problem}`;
}

function parseJsonField(part: FormPart | undefined): unknown {
  if (part === undefined || !("text" in part)) return undefined;
  try {
    return JSON.parse(part.text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
