import { describe, expect, test } from "vitest";

import type { RosterOutcome } from "@sawtooth/db";

import { countRosterRows, rosterReportCsv } from "./roster-report";

describe("rosterReportCsv", () => {
  test("writes every outcome with its password or reason", () => {
    const outcomes: RosterOutcome[] = [
      {
        line: 2,
        email: "zoe@example.org",
        name: "Brückner, Zoë",
        status: "created",
        role: "student",
        reason: null,
        password: "AbCdEfGh12345678",
      },
      {
        line: 3,
        email: "ada@example.org",
        name: "=cmd",
        status: "skipped",
        role: null,
        reason: 'unknown role "teacher": use student, tutor or admin',
        password: null,
      },
    ];

    expect(rosterReportCsv(outcomes)).toBe(
      "\uFEFFLine,Email,Name,Role,Outcome,One-time password,Reason\r\n" +
        '2,zoe@example.org,"Brückner, Zoë",student,created,AbCdEfGh12345678,\r\n' +
        '3,ada@example.org,\'=cmd,,skipped,,"unknown role ""teacher"": use student, tutor or ' +
        'admin"\r\n',
    );
  });
});

describe("countRosterRows", () => {
  test.each([
    ["a header only", "email,name,role\n", 0],
    ["two rows", "email,name,role\na@x.org,A,student\nb@x.org,B,student\n", 2],
    ["a quoted line break", 'email,name,role\na@x.org,"A\nB",student\n\n', 1],
    ["an unclosed quote", 'email,name,role\na@x.org,"A,student\n', null],
  ])("counts %s", (_case, csv, rows) => {
    expect(countRosterRows(csv)).toBe(rows);
  });
});
