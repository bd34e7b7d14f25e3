import { describe, expect, test } from "vitest";

import { mayOpenAttempt } from "./access";

const exercise = { id: "tent", slug: "tent-h2", courseId: "course" };
const attempt = { userId: "alice", exercise: { ...exercise, visibility: "visible" as const } };
const hiddenAttempt = { userId: "alice", exercise: { ...exercise, visibility: "hidden" as const } };

describe("mayOpenAttempt", () => {
  test.each([
    ["the owner", { userId: "alice", role: "student", exerciseId: "tent" }, true],
    ["another student", { userId: "bob", role: "student", exerciseId: "tent" }, false],
    ["a tutor", { userId: "tina", role: "tutor", exerciseId: "tent" }, true],
    ["an admin", { userId: "ada", role: "admin", exerciseId: "tent" }, true],
    [
      "the owner at another exercise",
      { userId: "alice", role: "student", exerciseId: "saw" },
      false,
    ],
    ["a tutor at another exercise", { userId: "tina", role: "tutor", exerciseId: "saw" }, false],
  ] as const)("%s", (_name, viewer, allowed) => {
    expect(mayOpenAttempt(viewer, attempt)).toBe(allowed);
  });

  test.each([
    ["the owner", { userId: "alice", role: "student", exerciseId: "tent" }, false],
    ["a tutor", { userId: "tina", role: "tutor", exerciseId: "tent" }, true],
    ["an admin", { userId: "ada", role: "admin", exerciseId: "tent" }, true],
  ] as const)("%s at a hidden exercise", (_name, viewer, allowed) => {
    expect(mayOpenAttempt(viewer, hiddenAttempt)).toBe(allowed);
  });
});
