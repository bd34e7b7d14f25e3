import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { loadCourseExercises } from "./course-files";

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "sawtooth-course-"));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
  const text = typeof content === "string" ? content : JSON.stringify(content, null, 2);
  writeFileSync(path.join(folder, name), text);
  return text;
}

describe("loadCourseExercises", () => {
  test("reads json files in name order", async () => {
    const second = write("02-saw.json", {
      id: "sawtooth-f3",
      title: "Saw",
      statement: "Compute $f_3$.",
      reveal: { targetPlot: false },
    });
    write("01-tent.json", {
      id: "tent-h2",
      title: "Tent",
      statement: "Compute $h_2$.",
      attemptLimit: 3,
    });
    write("notes.md", "not an exercise");

    const exercises = await loadCourseExercises(folder);

    expect(exercises.map((exercise) => exercise.slug)).toEqual(["tent-h2", "sawtooth-f3"]);
    expect(exercises[0]).toMatchObject({ position: 0, attemptLimit: 3, showTarget: true });
    expect(exercises[1]).toMatchObject({ position: 1, attemptLimit: null, showTarget: false });
    expect(exercises[1]?.definition).toBe(second);
  });

  test("returns nothing for a missing folder", async () => {
    expect(await loadCourseExercises(path.join(folder, "missing"))).toEqual([]);
  });

  test("rejects invalid JSON with the file name", async () => {
    write("broken.json", "{ not json");

    await expect(loadCourseExercises(folder)).rejects.toThrow(/broken\.json: invalid JSON/);
  });

  test("rejects a file without a title", async () => {
    write("untitled.json", { id: "untitled", statement: "Compute." });

    await expect(loadCourseExercises(folder)).rejects.toThrow(
      /untitled\.json: invalid exercise file/,
    );
  });

  test("rejects a file without a statement", async () => {
    write("silent.json", { id: "silent", title: "Silent" });

    await expect(loadCourseExercises(folder)).rejects.toThrow(
      /silent\.json: invalid exercise file/,
    );
  });

  test("rejects a repeated exercise id", async () => {
    write("a.json", { id: "tent-h2", title: "One", statement: "One." });
    write("b.json", { id: "tent-h2", title: "Two", statement: "Two." });

    await expect(loadCourseExercises(folder)).rejects.toThrow(/b\.json: exercise id "tent-h2"/);
  });
});
