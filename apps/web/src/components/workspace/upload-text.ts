import { MAX_SUBMISSION_BYTES, submissionSizeProblem, utf8Bytes } from "@/lib/submission-limits";

/** The text of an uploaded file, or the message that explains why it is not JSON text. */
export type UploadText =
  { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: string };

/** Encodings an upload is read in. UTF-16 is recognized by its byte order mark or its zeros. */
export type TextEncodingName = "UTF-8" | "UTF-16 LE" | "UTF-16 BE";

/**
 * Largest file read, in bytes: UTF-16 takes two bytes for each character that UTF-8 writes in
 * one, so a file up to twice the submission limit may still decode to a submission within it.
 */
const MAX_UPLOAD_FILE_BYTES = 2 * MAX_SUBMISSION_BYTES;

/**
 * Reads an uploaded file as JSON text with {@link decodeUpload}, and rejects a file whose text
 * is larger than the submission limit in UTF-8, the unit of that limit.
 */
export async function readUploadText(file: File): Promise<UploadText> {
  if (file.size > MAX_UPLOAD_FILE_BYTES) {
    return rejected(`${submissionSizeProblem(file.size, file.name)}.`);
  }
  const decoded = decodeUpload(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!decoded.ok) return decoded;
  const sizeProblem = submissionSizeProblem(utf8Bytes(decoded.text), file.name);
  if (sizeProblem !== null) {
    const unit = decoded.encoding === "UTF-8" ? "" : " in UTF-8";
    return rejected(`${sizeProblem}${unit}.`);
  }
  return decoded;
}

/** File signatures of binary formats a student may upload by mistake, with their names. */
const BINARY_SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive, as torch.save writes a .pt file" },
  { bytes: [0x80], name: "a Python pickle, as older torch.save writes a .pt file" },
  { bytes: [0x89, 0x48, 0x44, 0x46], name: "an HDF5 file, as Keras writes a .h5 file" },
  { bytes: [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59], name: "a NumPy .npy file" },
  { bytes: [0x1f, 0x8b], name: "a gzip archive" },
];

const EXPECTED =
  "Upload a JSON text file in the native format or a PyTorch state_dict with each tensor as " +
  'nested lists, such as {"0.weight": [[1], [1]], "0.bias": [0, -0.5]}.';

/**
 * Decodes an uploaded file as JSON text. UTF-8 is read with or without a byte order mark. UTF-16
 * is read in either byte order with a byte order mark, or without one when the zero byte of its
 * first character shows the order. A binary file, UTF-32 and bytes that are not valid UTF-8 get
 * a message naming the file and what is expected.
 */
export function decodeUpload(bytes: Uint8Array, fileName: string): UploadText {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return rejected(
      `${fileName} is UTF-32 text, which the grader does not read. Save it as UTF-8.`,
    );
  }
  const signature = BINARY_SIGNATURES.find((candidate) => startsWith(bytes, candidate.bytes));
  if (signature !== undefined) {
    return rejected(`${fileName} is a binary file (${signature.name}), not JSON text. ${EXPECTED}`);
  }

  const decoded = decode(bytes, detectEncoding(bytes), fileName);
  // JSON allows no control characters but tab, line feed and carriage return, and binary data
  // has them: a zero byte in UTF-8, or nonsense decoded as UTF-16 from a zero second byte.
  if (decoded.ok && CONTROL_CHARACTER.test(decoded.text)) {
    return rejected(
      `${fileName} is a binary file, not JSON text: it contains control characters. ${EXPECTED}`,
    );
  }
  return decoded;
}

// eslint-disable-next-line no-control-regex -- control characters are what this detects
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (startsWith(bytes, [0xff, 0xfe])) return "UTF-16 LE";
  if (startsWith(bytes, [0xfe, 0xff])) return "UTF-16 BE";
  // JSON text starts with an ASCII character, which UTF-16 writes as one zero and one
  // non-zero byte. UTF-32 (three zeros) was ruled out before.
  const [first, second] = bytes;
  if (first !== undefined && second !== undefined && first !== 0 && second === 0) {
    return "UTF-16 LE";
  }
  if (first === 0 && second !== undefined && second !== 0) return "UTF-16 BE";
  return "UTF-8";
}

const DECODER_LABELS: Record<TextEncodingName, string> = {
  "UTF-8": "utf-8",
  "UTF-16 LE": "utf-16le",
  "UTF-16 BE": "utf-16be",
};

/** Decodes the bytes, dropping a byte order mark, and rejects an invalid byte sequence. */
function decode(bytes: Uint8Array, encoding: TextEncodingName, fileName: string): UploadText {
  try {
    const text = new TextDecoder(DECODER_LABELS[encoding], { fatal: true }).decode(bytes);
    return { ok: true, text, encoding };
  } catch {
    const fix =
      encoding === "UTF-8"
        ? "Save it as UTF-8 text (in Python, open the file with encoding='utf-8')."
        : "Save it again, preferably as UTF-8.";
    return rejected(`${fileName} is not valid ${encoding} text. ${fix}`);
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function rejected(message: string): UploadText {
  return { ok: false, message };
}
