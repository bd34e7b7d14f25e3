import { expect, test } from "@playwright/test";

import { DEMO_COURSE, DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

const student = DEMO_STUDENT;

test("demo student signs in and sees the course", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/courses$/);
  await page.getByRole("link", { name: new RegExp(DEMO_COURSE.title) }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${DEMO_COURSE.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_COURSE.title);
});

test("wrong password shows an error", async ({ page }) => {
  await page.goto("/sign-in");

  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  // Next.js adds an empty role="alert" route announcer, so the message is found by its text.
  await expect(
    page.getByRole("alert").filter({ hasText: "Invalid email or password." }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("unknown course shows the 404 page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(student.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);

  const response = await page.goto("/courses/no-such-course");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
