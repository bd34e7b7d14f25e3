import { randomUUID } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

import { addStudents, LECTURE_COURSE_SLUG } from "./accounts";

const COURSE = `/courses/${LECTURE_COURSE_SLUG}`;
const MEMBERS = `${COURSE}/admin/members`;
const CHANGE_PASSWORD = "/account/password";
const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";

async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/courses$/);
  return page;
}

test("admin resets a student's password", async ({ browser }) => {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  const email = `forgetful.${randomUUID().slice(0, 8)}@example.com`;
  const oldPassword = "the-password-they-forgot";
  await addStudents(url, [{ name: "Forgetful Student", email, password: oldPassword }]);
  const student = await signedInPage(browser, email, oldPassword);
  const admin = await signedInPage(browser, ADMIN_EMAIL, DEMO_PASSWORD);

  await admin.goto(MEMBERS);
  const row = admin.getByRole("row").filter({ hasText: email });
  const outcome = row.getByRole("status", { name: `Password reset of ${email}` });
  admin.once("dialog", (dialog) => dialog.dismiss());
  await row.getByRole("button", { name: "Reset password" }).click();
  await student.goto(COURSE);
  await expect(student, "after a dismissed reset").toHaveURL(new RegExp(`${COURSE}$`));
  await expect(outcome).toHaveText("");

  admin.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Reset the password of ${email}?`);
    return dialog.accept();
  });
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(outcome).toContainText("One-time password: ");
  const oneTimePassword = (await outcome.locator("code").textContent()) ?? "";
  expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await admin.screenshot({
    path: test.info().outputPath("members-after-reset.png"),
    fullPage: true,
  });

  // The student's session cookie is still in the browser, but its session is gone.
  await student.goto(COURSE);
  await expect(student).toHaveURL(/\/sign-in\?/);
  await submitSignIn(student, email, oldPassword);
  await expect(student.getByRole("alert").filter({ hasText: "Invalid" })).toHaveText(
    "Invalid email or password.",
  );
  await submitSignIn(student, email, oneTimePassword);
  await expect(student).toHaveURL(new RegExp(`${CHANGE_PASSWORD}$`));
  await student.goto(COURSE);
  await expect(student).toHaveURL(new RegExp(`${CHANGE_PASSWORD}$`));
});
