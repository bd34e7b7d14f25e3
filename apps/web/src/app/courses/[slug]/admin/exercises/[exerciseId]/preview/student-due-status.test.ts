import { describe, expect, test } from "vitest";

import { studentDueStatus } from "./student-due-status";

const DUE = new Date("2026-12-01T10:00:00Z");
const BEFORE = new Date("2026-12-01T09:59:59Z");
const AFTER = new Date("2026-12-01T10:00:01Z");

describe("studentDueStatus", () => {
  test.each([
    ["no due date, late rejected", null, false, AFTER, "open"],
    ["no due date, late accepted", null, true, AFTER, "open"],
    ["before the due date", DUE, false, BEFORE, "open"],
    ["at the due date", DUE, false, DUE, "open"],
    ["after the due date, late rejected", DUE, false, AFTER, "closed"],
    ["after the due date, late accepted", DUE, true, AFTER, "late"],
  ] as const)("returns the status %s", (_case, dueDate, acceptLate, now, expected) => {
    expect(studentDueStatus(dueDate, acceptLate, now)).toBe(expected);
  });
});
