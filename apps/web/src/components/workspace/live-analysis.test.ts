import { describe, expect, test } from "vitest";

import { readSubmission } from "@sawtooth/theory";

import { domainOf, previewOf, type Preview } from "./live-analysis";

const LECTURE_H2 = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
});

/** Returns a preview that was drawn, failing the test with the reason when it was not. */
function readyPreview(preview: Preview) {
  if (preview.status !== "ready") throw new Error(`no preview: ${preview.message}`);
  return preview;
}

describe("previewOf", () => {
  function network(text: string) {
    const read = readSubmission(text);
    if (!read.ok) throw new Error("test network unreadable");
    return read.network;
  }

  test("plots the lecture's h2 with 3 pieces against the bound 16", () => {
    const preview = readyPreview(previewOf(network(LECTURE_H2), domainOf([null, null])));
    expect(preview.outputs[0]).toEqual({
      points: [
        ["0", "0"],
        ["1/2", "1"],
      ],
      leftSlope: "0",
      rightSlope: "-2",
      pieces: 3,
    });
    expect(preview.bound).toEqual({ t: 2, m: 2, depth: 2, value: "16" });
    expect(preview.neurons?.map((n) => n.dead)).toEqual([false, false]);
  });

  test("marks a dead neuron", () => {
    const text = LECTURE_H2.replace("[[1], [1]]", "[[1], [0]]").replace('"-1/2"', '"-1"');
    const preview = readyPreview(previewOf(network(text), domainOf(["0", "1"])));
    expect(preview.neurons?.map((n) => n.dead)).toEqual([false, true]);
  });

  test("stops past its budget with a message", () => {
    const preview = previewOf(network(LECTURE_H2), domainOf([null, null]), 1);
    expect(preview).toMatchObject({
      status: "unavailable",
      message: expect.stringMatching(/^Layer 1 has more than 1 breakpoints/),
      serverCanGrade: true,
    });
    // The page adds what to do next, which depends on whether Submit is enabled.
    const message = preview.status === "unavailable" ? preview.message : "";
    expect(message).not.toMatch(/Submit/);
  });

  test("explains that two inputs cannot be plotted", () => {
    const text = JSON.stringify({ layers: [{ weights: [[1, 1]], biases: [0] }] });
    const preview = previewOf(network(text), domainOf([null, null]));
    expect(preview).toEqual({
      status: "unavailable",
      message: "The plot needs a network with 1 input; this one takes 2.",
      serverCanGrade: false,
    });
  });
});
