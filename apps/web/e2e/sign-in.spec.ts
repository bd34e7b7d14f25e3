import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

import { formatKibibytes, MAX_ACTION_BODY_BYTES } from "../src/lib/submission-limits";

const COURSE_TITLE = "Theories of Deep Learning";

async function signInAsStudent(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

test("demo student signs in and sees the course", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/courses$/);
  await page.getByRole("link", { name: new RegExp(COURSE_TITLE) }).click();
  await expect(page).toHaveURL(/\/courses\/deep-learning-theory$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COURSE_TITLE);
  await expect(page.getByRole("link", { name: "The tent map h2" })).toBeVisible();
});

test("exercise page renders the statement", async ({ page }) => {
  await signInAsStudent(page);

  await page.goto("/courses/deep-learning-theory/exercises/tent-h2");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The tent map h2");
  const statement = page.getByRole("region", { name: "Statement" });
  await expect(statement).toContainText("Build the tent map");
  await expect(statement.locator(".katex").first()).toBeVisible();
});

test("wrong password shows an error", async ({ page }) => {
  await page.goto("/sign-in");

  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  // Next.js adds an empty role="alert" route announcer, so the message is found by its text.
  const message = page.getByRole("alert").filter({ hasText: "Invalid email or password." });
  await expect(message).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_STUDENT.email);
});

test("sixth failed sign-in shows the lockout", async ({ page }) => {
  // An email without an account, so that no other test's account is locked.
  const email = "locked-out@example.com";
  await page.goto("/sign-in");
  const submit = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    // Waits for the action's response, because the message of the previous one looks the same.
    const answered = page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().includes("/sign-in"),
    );
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
  };

  for (let i = 0; i < 5; i++) {
    await submit(`wrong-${i}`);
    const invalid = page.getByRole("alert").filter({ hasText: "Invalid email or password." });
    await expect(invalid).toBeVisible();
  }
  await submit("sixth-guess");

  const message = page.getByRole("alert").filter({
    hasText: "Too many failed sign-ins for this email: try again in 15 minutes.",
  });
  await expect(message).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("unknown course shows the 404 page", async ({ page }) => {
  await signInAsStudent(page);

  const response = await page.goto("/courses/no-such-course");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("non-member gets the 404 page", async ({ page }) => {
  await signInAsStudent(page);

  const response = await page.goto("/courses/private-course");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("Private course")).toHaveCount(0);
});

test("unknown exercise shows the 404 page", async ({ page }) => {
  await signInAsStudent(page);

  const response = await page.goto("/courses/deep-learning-theory/exercises/no-such-exercise");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("sign-in returns to the page that asked", async ({ page }) => {
  const exercisePath = "/courses/deep-learning-theory/exercises/tent-h2";
  await page.goto(exercisePath);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcourses%2Fdeep-learning-theory%2F/);

  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(new RegExp(`${exercisePath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The tent map h2");
});

test("sign-in ignores a return URL of another site", async ({ page }) => {
  await page.goto("/sign-in?next=https%3A%2F%2Fevil.example%2F");

  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/courses$/);
});

test("malformed escape in a course URL shows the 404 page", async ({ page }) => {
  await signInAsStudent(page);

  const response = await page.goto("/courses/%E0%A4%A/exercises/x");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("oversized sign-in request shows the size limit", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  // Typing megabytes would take minutes, so the field gets its value directly.
  await page.getByLabel("Password").evaluate((input: HTMLInputElement, length: number) => {
    input.value = "x".repeat(length);
  }, MAX_ACTION_BODY_BYTES + 1024);

  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  const limit = formatKibibytes(MAX_ACTION_BODY_BYTES);
  await expect(page.getByText(`larger than the maximum of ${limit}`)).toBeVisible();
});
