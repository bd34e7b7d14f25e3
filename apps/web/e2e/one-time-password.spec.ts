import { randomUUID } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

import { addMember, createDatabase } from "@sawtooth/db";

import { LECTURE_COURSE_SLUG } from "./accounts";

const COURSE = `/courses/${LECTURE_COURSE_SLUG}`;
const CHANGE_PASSWORD = "/account/password";
const NEW_PASSWORD = "a-password-of-my-own";

/** Adds a new student to the lecture's course as an admin does and returns the one-time password. */
async function addNewStudent(email: string): Promise<string> {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  const db = createDatabase(url);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
    const result = await addMember(db, course.id, { email, name: "New Student", role: "student" });
    if (result.status !== "added" || result.password === null) {
      throw new Error(`Expected a new account for ${email}, got ${JSON.stringify(result)}.`);
    }
    return result.password;
  } finally {
    await db.$disconnect();
  }
}

async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function fillPasswords(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("New password again").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test("one-time password must be replaced first", async ({ page }) => {
  const email = `one.time.${randomUUID().slice(0, 8)}@example.com`;
  const oneTimePassword = await addNewStudent(email);

  await submitSignIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(new RegExp(`${CHANGE_PASSWORD}$`));
  await expect(page.getByRole("status")).toContainText("one-time password");
  for (const path of ["/", "/courses", COURSE, `${COURSE}/exercises/tent-h2`, "/account/tokens"]) {
    await page.goto(path);
    await expect(page, `visiting ${path}`).toHaveURL(new RegExp(`${CHANGE_PASSWORD}$`));
  }
  await page.goto("/sign-in");
  await expect(page).toHaveURL(new RegExp(`${CHANGE_PASSWORD}$`));
  await expect(page.getByRole("link", { name: "API tokens" })).toHaveCount(0);

  await fillPasswords(page, "not-the-password", NEW_PASSWORD);
  // Next.js's route announcer is an empty alert of its own, so the form's alert is found by text.
  await expect(
    page.getByRole("alert").filter({ hasText: "The current password is wrong" }),
  ).toHaveText("The current password is wrong: enter the one you signed in with.");
  await fillPasswords(page, oneTimePassword, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/courses$/);
  await page.goto(COURSE);
  await expect(page).toHaveURL(new RegExp(`${COURSE}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Theories of Deep Learning");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await submitSignIn(page, email, oneTimePassword);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText(
    "Invalid email or password.",
  );
  await submitSignIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/courses$/);
});
