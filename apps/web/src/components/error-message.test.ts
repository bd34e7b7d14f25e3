import { describe, expect, test } from "vitest";

import { errorMessage } from "./error-message";

describe("errorMessage", () => {
  test("shows a client error's message", () => {
    const error = new Error("The request is 1,954 KiB, larger than the maximum of 1,600 KiB.");

    expect(errorMessage(error)).toBe(
      "The request is 1,954 KiB, larger than the maximum of 1,600 KiB.",
    );
  });

  test("names the digest of a server error", () => {
    const error = Object.assign(new Error("An error occurred in the Server Components render."), {
      digest: "2011175574",
    });

    expect(errorMessage(error)).toBe(
      "The server failed to complete the request (error 2011175574).",
    );
  });

  test.each([
    ["a string", "boom"],
    ["null", null],
    ["an empty message", new Error("")],
  ])("has a fallback for %s", (_name, value) => {
    expect(errorMessage(value)).toBe("Something failed in this page.");
  });
});
