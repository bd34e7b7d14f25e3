import { describe, expect, test } from "vitest";

import { decodeRosterFile, MAX_ROSTER_LENGTH, rosterSizeProblem } from "./roster-file";

const encoder = new TextEncoder();

describe("decodeRosterFile", () => {
  test("reads UTF-8 as UTF-8", () => {
    const bytes = encoder.encode("email,name,role\nzoe@example.org,Zoë Brückner,student\n");

    expect(decodeRosterFile(bytes)).toEqual({
      text: "email,name,role\nzoe@example.org,Zoë Brückner,student\n",
      encoding: "utf-8",
    });
  });

  test("reads Windows-1252 bytes as Windows-1252", () => {
    const ascii = encoder.encode("zoe@example.org,Zo");
    const bytes = new Uint8Array([...ascii, 0xeb, 0x20, 0x42, 0x72, 0xfc, 0x63, 0x6b, 0x80]);

    const decoded = decodeRosterFile(bytes);

    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.text).toBe("zoe@example.org,Zoë Brück€");
    expect(decoded.text).not.toContain("\uFFFD");
  });

  test("reads an undefined Windows-1252 byte as a control", () => {
    const decoded = decodeRosterFile(new Uint8Array([0x41, 0x81, 0x42]));

    expect(decoded.text).toBe("A\u0081B");
  });

  test("reads UTF-16 with a byte order mark", () => {
    const little = new Uint8Array([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]);
    const big = new Uint8Array([0xfe, 0xff, 0x00, 0x5a, 0x00, 0xeb]);

    expect(decodeRosterFile(little)).toEqual({ text: "Zë", encoding: "utf-16le" });
    expect(decodeRosterFile(big)).toEqual({ text: "Zë", encoding: "utf-16be" });
  });
});

describe("rosterSizeProblem", () => {
  test("accepts a roster at the limit", () => {
    expect(rosterSizeProblem(MAX_ROSTER_LENGTH, "The file")).toBeNull();
  });

  test("states the length, the limit and the fix", () => {
    expect(rosterSizeProblem(318_906, "The file")).toBe(
      "The file has 318,906 characters, more than the limit of 262,144 (about 4,000 rows): " +
        "split it into smaller files and import them one by one.",
    );
  });
});
