import { DEMO_PASSWORD } from "@sawtooth/db/demo";

/** A second student of the lecture's course that only the browser tests create. */
export const SECOND_STUDENT = {
  name: "Second Student",
  email: "second.student@example.com",
  password: DEMO_PASSWORD,
} as const;
