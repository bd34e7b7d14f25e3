import { describe, expect, test } from "vitest";

import { MAX_SUBMISSION_BYTES } from "@/lib/submission-limits";

import { summarizeUpload } from "./upload-summary";
import { decodeUpload, readUploadText } from "./upload-text";

const JSON_TEXT = '{"0.weight": [[1], [1]], "0.bias": [0, -0.5], "é": 1}';

/** Encodes text as UTF-16 in either byte order, with or without a byte order mark. */
function utf16(text: string, order: "LE" | "BE", bom: boolean): Uint8Array<ArrayBuffer> {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    const [high, low] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = order === "LE" ? low : high;
    bytes[2 * i + 1] = order === "LE" ? high : low;
  });
  return bytes;
}

function bytesOf(...parts: (number[] | string)[]): Uint8Array {
  const chunks = parts.map((part) =>
    typeof part === "string" ? [...new TextEncoder().encode(part)] : part,
  );
  return new Uint8Array(chunks.flat());
}

describe("decodeUpload", () => {
  test.each([
    ["UTF-8", bytesOf(JSON_TEXT), "UTF-8"],
    ["UTF-8 with a byte order mark", bytesOf([0xef, 0xbb, 0xbf], JSON_TEXT), "UTF-8"],
    ["UTF-16 LE with a byte order mark", utf16(JSON_TEXT, "LE", true), "UTF-16 LE"],
    ["UTF-16 BE with a byte order mark", utf16(JSON_TEXT, "BE", true), "UTF-16 BE"],
    ["UTF-16 LE without one", utf16(JSON_TEXT, "LE", false), "UTF-16 LE"],
    ["UTF-16 BE without one", utf16(JSON_TEXT, "BE", false), "UTF-16 BE"],
  ])("reads %s", (_name, bytes, encoding) => {
    const decoded = decodeUpload(bytes, "net.json");

    expect(decoded).toEqual({ ok: true, text: JSON_TEXT, encoding });
  });

  test("gives text that the engine reads", () => {
    const stateDict = '{"0.weight": [[1], [1]], "0.bias": [0, -0.5]}';
    const decoded = decodeUpload(utf16(stateDict, "LE", true), "net.json");
    if (!decoded.ok) throw new Error(decoded.message);

    expect(summarizeUpload(decoded.text).ok).toBe(true);
  });

  test.each([
    ["a torch.save ZIP archive", bytesOf([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /a ZIP archive/],
    ["a pickle", bytesOf([0x80, 0x02, 0x63]), /a Python pickle/],
    ["an HDF5 file", bytesOf([0x89], "HDF\r\n"), /an HDF5 file/],
    ["a NumPy file", bytesOf([0x93], "NUMPY"), /a NumPy \.npy file/],
    ["a gzip archive", bytesOf([0x1f, 0x8b, 0x08]), /a gzip archive/],
    ["zero bytes", bytesOf("{", [0x01, 0x00, 0x00, 0x00], "}"), /contains control characters/],
    ["bytes read as UTF-16 nonsense", bytesOf([0x07, 0x00, 0x01, 0x02]), /control characters/],
  ])("names %s as a binary file", (_name, bytes, kind) => {
    const decoded = decodeUpload(bytes, "model.pt");

    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.message).toMatch(/^model\.pt is a binary file/);
    expect(decoded.message).toMatch(kind);
    expect(decoded.message).toMatch(/Upload a JSON text file in the native format or a PyTorch/);
  });

  test.each([
    ["UTF-32", bytesOf([0xff, 0xfe, 0x00, 0x00], "{"), "net.json is UTF-32 text"],
    ["Latin-1", bytesOf('{"caf', [0xe9], '": 1}'), "net.json is not valid UTF-8 text"],
    ["odd UTF-16", bytesOf([0xff, 0xfe, 0x7b, 0x00, 0x7d]), "net.json is not valid UTF-16 LE"],
  ])("rejects %s with the file's name", (_name, bytes, start) => {
    const decoded = decodeUpload(bytes, "net.json");

    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.message.startsWith(start)).toBe(true);
  });
});

describe("readUploadText", () => {
  test("reads a UTF-16 file up to twice the limit", async () => {
    const text = `{"layers": [], "pad": "${"x".repeat(MAX_SUBMISSION_BYTES - 100)}"}`;
    const file = new File([utf16(text, "LE", true)], "big.json");

    expect(file.size).toBeGreaterThan(MAX_SUBMISSION_BYTES);
    expect(await readUploadText(file)).toMatchObject({ ok: true, encoding: "UTF-16 LE" });
  });

  test("rejects text over the limit in UTF-8", async () => {
    // "€" takes three bytes in UTF-8 but two in UTF-16.
    const text = `"${"€".repeat(100_000)}"`;
    const file = new File([utf16(text, "LE", true)], "big.json");

    expect(await readUploadText(file)).toEqual({
      ok: false,
      message: "big.json is 293 KiB, larger than the maximum of 256 KiB in UTF-8.",
    });
  });

  test("rejects a file over twice the limit before reading it", async () => {
    const file = new File([new Uint8Array(2 * MAX_SUBMISSION_BYTES + 1)], "huge.json");

    expect(await readUploadText(file)).toEqual({
      ok: false,
      message: "huge.json is 513 KiB, larger than the maximum of 256 KiB.",
    });
  });
});
