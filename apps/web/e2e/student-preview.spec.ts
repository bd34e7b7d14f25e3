import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { createDatabase, createExercise } from "@sawtooth/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

import { LECTURE_COURSE_SLUG } from "./accounts";

const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";

/**
 * A copy of tent-h2 that hides the target's value at a counterexample, is past its due date in
 * a course that rejects late attempts, and allows one attempt.
 */
const SLUG = "preview-tent";
const PREVIEW = `/courses/${LECTURE_COURSE_SLUG}/admin/exercises/${SLUG}/preview`;
const WRONG_NAME = "second output weight -2 where the lecture has -4";

function databaseUrl(): string {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (url === undefined) {
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  }
  return url;
}

async function addPreviewExercise(): Promise<void> {
  const file = path.join(
    import.meta.dirname,
    "../../../packages/courses/deep-learning-theory/exercises/tent-h2.json",
  );
  const tent = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const reveal = { targetPlot: true, expectedValues: false };
  const definition = { ...tent, id: SLUG, title: "Preview tent", reveal, attemptLimit: 1 };
  const db = createDatabase(databaseUrl());
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
    const created = await createExercise(db, course.id, {
      slug: SLUG,
      title: "Preview tent",
      attemptLimit: 1,
      dueDate: new Date("2026-01-01T10:00:00Z"),
      showTarget: true,
      definition: JSON.stringify(definition),
    });
    // A worker that restarts after a failed test runs this hook again.
    expect(["created", "duplicate-slug"]).toContain(created.status);
  } finally {
    await db.$disconnect();
  }
}

/** Counts every stored attempt, at any exercise, by anyone. */
async function countAttempts(): Promise<number> {
  const db = createDatabase(databaseUrl());
  try {
    return await db.attempt.count();
  } finally {
    await db.$disconnect();
  }
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Returns the feedback region that the workspace shows after a submit. */
function feedback(page: Page) {
  return page.getByRole("region", { name: "Submit" }).getByRole("region", { name: "Feedback" });
}

test.beforeAll(addPreviewExercise);

test("admin grades the reference and a known-wrong submission in the preview", async ({ page }) => {
  test.setTimeout(90_000);
  const attemptsBefore = await countAttempts();
  await signIn(page, ADMIN_EMAIL);
  await page.goto(PREVIEW);

  const submit = page.getByRole("region", { name: "Submit" });
  await expect(submit).toContainText("Preview: this grading is not stored.");
  await expect(page.getByLabel("Due date for students")).toContainText(
    "Closed: the due date has passed and this course does not accept late attempts.",
  );
  await expect(page.getByLabel("Network JSON", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Load the reference (expected: correct)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Loaded the reference" })).toBeVisible();
  await expect(page.getByLabel("Network JSON", { exact: true })).toHaveValue(/"-1\/2"/);
  await submit.getByRole("button", { name: "Submit" }).click();
  await expect(feedback(page).getByText("Correct", { exact: true })).toBeVisible();
  await expect(submit).toContainText("no attempt was recorded");
  await screenshot(page, "1-reference-correct");

  await page.getByRole("button", { name: `Load “${WRONG_NAME}”` }).click();
  await expect(page.getByLabel("Network JSON", { exact: true })).toHaveValue(/-2\s*\]/);
  await submit.getByRole("button", { name: "Submit" }).click();
  const wrong = feedback(page);
  await expect(wrong.getByText("Incorrect", { exact: true })).toBeVisible();
  // The exercise hides the target's value, so the student reads only the network's value.
  await expect(wrong).toContainText("at x = 1, your network gives 1");
  await expect(wrong).not.toContainText("expected 0");
  await expect(wrong).not.toContainText("while the target is");
  await screenshot(page, "2-known-wrong-cut");

  // Twice past an attempt limit of 1, and past the due date, yet nothing was stored.
  expect(await countAttempts()).toBe(attemptsBefore);
});
