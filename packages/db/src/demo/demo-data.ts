/** Slug of the lecture's course, loaded into every new database. */
export const DEMO_COURSE_SLUG = "deep-learning-theory";

/** The lecture's course as created on a new database. */
export const DEMO_COURSE = {
  slug: DEMO_COURSE_SLUG,
  title: "Theories of Deep Learning",
  description:
    "Build small ReLU networks by hand and have them checked exactly: tent maps, sawtooth " +
    "functions and the depth separation results of the lecture.",
  acceptLate: false,
} as const;

/**
 * Password of the demo accounts. It is public on purpose: demo accounts exist only in the
 * embedded demo database unless `SAWTOOTH_DEMO=1` requests them elsewhere.
 */
export const DEMO_PASSWORD = "sawtooth-demo";

/** Demo accounts, one per role, all members of the lecture's course. */
export const DEMO_ACCOUNTS = [
  { email: "student@example.com", name: "Demo Student", role: "student" },
  { email: "tutor@example.com", name: "Demo Tutor", role: "tutor" },
  { email: "admin@example.com", name: "Demo Admin", role: "admin" },
] as const;
