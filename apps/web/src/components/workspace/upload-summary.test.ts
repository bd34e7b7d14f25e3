import { describe, expect, test } from "vitest";

import { formatName, summarizeUpload } from "./upload-summary";

/** Returns the messages of a rejected upload, failing the test when it was read. */
function messagesOf(text: string): string[] {
  const summary = summarizeUpload(text);
  if (summary.ok) throw new Error("upload read but was expected to fail");
  return summary.messages;
}

describe("summarizeUpload", () => {
  test("maps a state_dict's modules to layers in numeric order", () => {
    const text = JSON.stringify({
      "net.10.weight": [[1, 1, 1]],
      "net.10.bias": [0],
      "net.2.weight": [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      "net.2.bias": [0, 0, "-1/2"],
      "net.0.weight": [[1], [1]],
      "net.0.bias": [0, -0.5],
    });
    const summary = summarizeUpload(text);

    expect(summary.ok).toBe(true);
    if (!summary.ok) return;
    expect(summary.format).toBe("state-dict");
    expect(summary.mapping).toEqual([
      { key: "0", layer: 1 },
      { key: "2", layer: 2 },
      { key: "10", layer: 3 },
    ]);
    expect(summary.shapes).toEqual([
      { layer: 1, rows: 2, columns: 1 },
      { layer: 2, rows: 3, columns: 2 },
      { layer: 3, rows: 1, columns: 3 },
    ]);
    expect(summary.notes).toEqual(["stripped prefix net."]);
    expect(summary.parameters).toBe(4 + 9 + 4);
  });

  test("reads the native format without a mapping", () => {
    const text = '{"layers": [{"weights": [[1], [1]], "biases": [0, "-1/2"]}]}';
    const summary = summarizeUpload(text);
    expect(summary).toMatchObject({ ok: true, format: "native", mapping: [] });
  });

  test("reports a weight without its bias", () => {
    expect(messagesOf('{"0.weight": [[1]]}').join(" ")).toContain('"0.weight"');
  });

  test("reports invalid JSON with its position", () => {
    expect(messagesOf('{"0.weight": [[1]],}')[0]).toMatch(/^invalid JSON at line 1, column \d+/);
  });
});

describe("formatName", () => {
  test("names both formats", () => {
    expect(formatName("native")).toBe("native format");
    expect(formatName("state-dict")).toBe("PyTorch state_dict");
  });
});
