import { describe, expect, test } from "vitest";

import { readSubmission } from "@sawtooth/theory";

import { serverAnalysisHint } from "./server-analysis-hint";

function readNetwork() {
  const read = readSubmission('{"layers": [{"weights": [[1]], "biases": [0]}]}');
  if (!read.ok) throw new Error("test network unreadable");
  return read.network;
}

describe("serverAnalysisHint", () => {
  test("sends a network Submit accepts to the server", () => {
    const check = { ok: true as const, network: readNetwork() };

    expect(serverAnalysisHint(check, null)).toBe("Submit to have the server analyse it.");
    expect(serverAnalysisHint(check, 2)).toBe("Submit to have the server analyse it.");
  });

  test("names what disables Submit instead", () => {
    const reasons = [
      "The network has 5 layers, more than the 2 allowed.",
      "Layer 1 has 3 neurons, more than the width 2 allowed.",
    ];
    const check = { ok: false as const, network: readNetwork(), reasons };

    const hint = serverAnalysisHint(check, null);

    expect(hint).toBe(
      "To have the server analyse it, first fix what disables Submit: The network has 5 " +
        "layers, more than the 2 allowed. Layer 1 has 3 neurons, more than the width 2 allowed.",
    );
    expect(hint).not.toMatch(/^Submit/);
  });

  test("says no attempts are left", () => {
    const check = { ok: true as const, network: readNetwork() };

    expect(serverAnalysisHint(check, 0)).toBe(
      "You have no attempts left, so the server cannot analyse it either.",
    );
  });
});
