import { describe, expect, test } from "vitest";

import { formatAttemptTimes } from "./attempt-times";

describe("formatAttemptTimes", () => {
  test("shows seconds where attempts share a minute", () => {
    const times = formatAttemptTimes([
      new Date("2026-12-05T03:19:42Z"),
      new Date("2026-12-05T03:19:05Z"),
      new Date("2026-12-05T03:18:59Z"),
      new Date("2026-12-04T03:19:42Z"),
    ]);

    expect(times.map((time) => time.text)).toEqual([
      "5 Dec 2026, 03:19:42",
      "5 Dec 2026, 03:19:05",
      "5 Dec 2026, 03:18",
      "4 Dec 2026, 03:19",
    ]);
  });

  test("gives every time in full", () => {
    const [time] = formatAttemptTimes([new Date("2026-12-05T03:18:59Z")]);

    expect(time).toEqual({ text: "5 Dec 2026, 03:18", full: "5 Dec 2026, 03:18:59" });
  });

  test("formats an empty list", () => {
    expect(formatAttemptTimes([])).toEqual([]);
  });
});
