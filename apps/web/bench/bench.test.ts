import { beforeAll, describe, expect, test } from "vitest";

import { gradeNetwork, readSubmission, type PreparedExercise } from "@sawtooth/theory";
import { findExercise } from "@sawtooth/theory/course";

import { encodeStringArguments, exerciseRouterStateTree, readActionResult } from "./server-action";
import { BENCH_EXERCISES, benchSubmission } from "./submissions";

// Sent by Chromium from the tent-h2 page of this app built with Next.js 16.5.0 and React 19.3.1.
const CAPTURED_ROUTER_STATE_TREE =
  "%5B%22%22%2C%7B%22children%22%3A%5B%22courses%22%2C%7B%22children%22%3A%5B%5B%22slug%22%2C%22deep-learning-theory%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22exercises%22%2C%7B%22children%22%3A%5B%5B%22exerciseId%22%2C%22tent-h2%22%2C%22d%22%2Cnull%5D%2C%7B%22children%22%3A%5B%22__PAGE__%22%2C%7B%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C0%5D%7D%2Cnull%2Cnull%2C16%5D";
const CAPTURED_BODY =
  '["deep-learning-theory","tent-h2","{\\"layers\\":[{\\"weights\\":[[1],[1]],\\"biases\\":[0,\\"-1/2\\"]},{\\"weights\\":[[2,-4]],\\"biases\\":[0]}]}"]';

const prepared = new Map<string, PreparedExercise>();

beforeAll(async () => {
  for (const id of BENCH_EXERCISES) {
    const result = await findExercise(id);
    if (result.ok) {
      prepared.set(id, result.exercise.prepared);
    }
  }
});

describe("benchSubmission", () => {
  test("grades to the expected verdict", () => {
    for (let n = 0; n < 64; n += 1) {
      const submission = benchSubmission(n);
      const exercise = prepared.get(submission.exerciseId);
      const read = readSubmission(submission.raw);
      expect(exercise, submission.exerciseId).toBeDefined();
      expect(read.ok, submission.raw).toBe(true);
      if (exercise && read.ok) {
        const { verdict } = gradeNetwork(exercise, read.network);
        expect(verdict, `submission ${n}: ${submission.raw}`).toBe(submission.expectedVerdict);
      }
    }
  });

  test("sends a new network every time", () => {
    const raws = Array.from({ length: 1000 }, (_, n) => benchSubmission(n).raw);
    expect(new Set(raws).size).toBe(raws.length);
  });

  test("mixes exercises and verdicts", () => {
    const submissions = Array.from({ length: 16 }, (_, n) => benchSubmission(n));
    for (const exerciseId of BENCH_EXERCISES) {
      const ofExercise = submissions.filter((submission) => submission.exerciseId === exerciseId);
      const wrong = ofExercise.filter((submission) => submission.expectedVerdict === "incorrect");
      expect(ofExercise).toHaveLength(8);
      expect(wrong).toHaveLength(2);
    }
  });

  test("rejects a negative number", () => {
    expect(() => benchSubmission(-1)).toThrow(RangeError);
  });
});

describe("server action request", () => {
  test("router state tree matches the browser's", () => {
    expect(exerciseRouterStateTree("deep-learning-theory", "tent-h2")).toBe(
      CAPTURED_ROUTER_STATE_TREE,
    );
  });

  test("body matches the browser's", () => {
    const network = JSON.stringify({
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[2, -4]], biases: [0] },
      ],
    });
    expect(encodeStringArguments(["deep-learning-theory", "tent-h2", network])).toBe(CAPTURED_BODY);
  });

  test("escapes a leading dollar sign", () => {
    expect(encodeStringArguments(["$1", "a$"])).toBe('["$$1","a$"]');
  });
});

describe("readActionResult", () => {
  test("reads the row the envelope refers to", () => {
    const body = [
      '2:"$Sreact.fragment"',
      ':HL["/_next/static/chunks/a.css","style"]',
      '0:{"a":"$@1","q":"","i":false,"b":"build"}',
      '1:{"status":"rejected","message":"No attempts left."}',
      "",
    ].join("\n");
    expect(readActionResult(body)).toEqual({ status: "rejected", message: "No attempts left." });
  });

  test("returns null for an error page", () => {
    expect(readActionResult("<!DOCTYPE html><html>Internal Server Error</html>")).toBeNull();
  });

  test("returns null for a missing row", () => {
    expect(readActionResult('0:{"a":"$@7"}\n')).toBeNull();
  });
});
