import { describe, expect, test } from "vitest";

import type { ConstraintsView } from "@/lib/submission-contract";

import { editorFromJson } from "./editor-json";
import { checkSubmission } from "./submission-check";

const CONSTRAINTS: ConstraintsView = {
  inputs: 1,
  outputs: 1,
  minDepth: null,
  maxDepth: null,
  maxWidth: null,
  maxParameters: null,
  activations: null,
  outputActivations: null,
  numbers: "any",
};

/** Returns a readable network padded with spaces to `bytes` bytes. */
function paddedNetwork(bytes: number): string {
  const network = '{"layers": [{"weights": [[1]], "biases": [0]}]}';
  return network + " ".repeat(bytes - network.length);
}

describe("an oversized paste", () => {
  // Past 1 MiB the engine's JSON reader has a limit of its own in characters, which must not
  // appear next to the server's limit in bytes.
  test.each([
    ["just over the limit", 300 * 1024],
    ["past the engine's JSON limit", 1_100_000],
  ])("shows one limit when %s", (_name, bytes) => {
    const text = paddedNetwork(bytes);
    const expected = `the submission is ${Math.ceil(bytes / 1024).toLocaleString("en")} KiB, larger than the maximum of 256 KiB`;

    const reading = editorFromJson(text);
    const check = checkSubmission(text, CONSTRAINTS);

    expect(reading).toEqual({ ok: false, messages: [expected] });
    expect(check).toEqual({ ok: false, network: null, reasons: [expected] });
  });
});
