import { randomUUID } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

import { addStudents, LECTURE_COURSE_SLUG } from "./accounts";

const COURSE = `/courses/${LECTURE_COURSE_SLUG}`;
const MEMBERS = `${COURSE}/admin/members`;
const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";

function databaseUrl(): string {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  return url;
}

async function signedInPage(
  browser: Browser,
  email: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  return page;
}

/** Sets the role of `email` on the members page that `page` shows, as its admin does. */
async function changeRole(page: Page, email: string, role: string): Promise<void> {
  await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption(role);
  await page.getByRole("button", { name: `Change role of ${email}`, exact: true }).click();
}

test("member buttons are named per member", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(MEMBERS);

  const rows = page.getByRole("row").filter({ has: page.getByRole("combobox") });
  const emails = await rows
    .getByRole("combobox")
    .evaluateAll((selects) =>
      selects.map((select) => (select.getAttribute("aria-label") ?? "").replace(/^Role of /, "")),
    );
  expect(emails.length).toBeGreaterThan(2);
  for (const email of emails) {
    const row = rows.filter({ has: page.getByLabel(`Role of ${email}`, { exact: true }) });
    await expect(
      row.getByRole("button", { name: `Change role of ${email}`, exact: true }),
    ).toHaveCount(1);
    await expect(row.getByRole("button", { name: `Remove ${email}`, exact: true })).toHaveCount(1);
    if (email !== ADMIN_EMAIL) {
      await expect(
        row.getByRole("button", { name: `Reset password of ${email}`, exact: true }),
      ).toHaveCount(1);
    }
  }
});

test("admin confirms demoting themselves", async ({ browser }) => {
  const email = `self.demoting.${randomUUID().slice(0, 8)}@example.com`;
  await addStudents(databaseUrl(), [{ name: "Self Demoting", email, password: DEMO_PASSWORD }]);
  const demoAdmin = await signedInPage(browser, ADMIN_EMAIL);
  await demoAdmin.goto(MEMBERS);
  await changeRole(demoAdmin, email, "admin");
  await expect(demoAdmin.getByRole("status", { name: `Role change of ${email}` })).toHaveText(
    `Role of ${email} changed from student to admin.`,
  );

  const page = await signedInPage(browser, email);
  await page.goto(MEMBERS);
  page.once("dialog", (dialog) => dialog.dismiss());
  await changeRole(page, email, "tutor");
  await page.reload();
  await expect(page, "after a dismissed confirmation").toHaveURL(new RegExp(`${MEMBERS}$`));
  await expect(page.getByLabel(`Role of ${email}`, { exact: true })).toHaveValue("admin");

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(
      "Change your own role to tutor? You lose this course's admin pages at once, and only " +
        "another admin can make you an admin again.",
    );
    return dialog.accept();
  });
  await changeRole(page, email, "tutor");
  await expect(page).toHaveURL(new RegExp(`${COURSE}/review$`));
  await expect(page.getByText("Page not found")).toHaveCount(0);
  await page.goto(MEMBERS);
  await expect(page.getByText("Page not found")).toBeVisible();
});

test("members table stays readable at 390 px", async ({ browser }) => {
  const email = `${"l".repeat(56)}${randomUUID().slice(0, 8)}@${"d".repeat(180)}.example.org`;
  await addStudents(databaseUrl(), [{ name: "Long Address", email, password: DEMO_PASSWORD }]);
  const page = await signedInPage(browser, ADMIN_EMAIL, { width: 390, height: 844 });
  await page.goto(MEMBERS);

  const row = page
    .getByRole("row")
    .filter({ has: page.getByLabel(`Role of ${email}`, { exact: true }) });
  const remove = row.getByRole("button", { name: `Remove ${email}`, exact: true });
  await expect(remove).toHaveText("Remove");
  const nameCell = row.getByRole("cell").first();
  await expect(nameCell).toContainText("Long Address");
  expect((await nameCell.boundingBox())?.width).toBeGreaterThanOrEqual(120);
  const table = page.getByRole("table");
  expect(await table.evaluate((element) => element.scrollWidth)).toBeLessThan(1200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("members-390.png"), fullPage: true });
});

test("add member rejects a long email at its field", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(MEMBERS);
  const addPanel = page.getByRole("region", { name: "Add a member" });
  const email = addPanel.getByLabel("Email", { exact: true });
  await email.fill(`${"x".repeat(65)}@example.org`);
  await addPanel.getByRole("button", { name: "Add member" }).click();

  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(
    "Email: at most 64 characters before the @ (you entered 65).",
  );
});

test("keyboard focus follows member changes", async ({ browser }) => {
  const email = `keyboard.${randomUUID().slice(0, 8)}@example.com`;
  await addStudents(databaseUrl(), [{ name: "Keyboard User", email, password: DEMO_PASSWORD }]);
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(`${MEMBERS}?q=${encodeURIComponent(email)}`);

  const select = page.getByLabel(`Role of ${email}`, { exact: true });
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue("tutor");
  await page.keyboard.press("Tab");
  const change = page.getByRole("button", { name: `Change role of ${email}`, exact: true });
  await expect(change).toBeFocused();
  await page.keyboard.press("Enter");
  const roleStatus = page.getByRole("status", { name: `Role change of ${email}` });
  await expect(roleStatus).toHaveText(`Role of ${email} changed from student to tutor.`);
  await expect(roleStatus, "after a role change").toBeFocused();
  // Announced once, by the row: the page-wide region stays empty.
  await expect(page.getByRole("status", { name: "Member changes" })).toHaveText("");

  // The row's buttons stay disabled until the refresh after the change has finished.
  const resetButton = page.getByRole("button", { name: `Reset password of ${email}`, exact: true });
  await expect(resetButton).toBeEnabled();
  page.once("dialog", (dialog) => dialog.accept());
  await resetButton.focus();
  await page.keyboard.press("Enter");
  const resetStatus = page.getByRole("status", { name: `Password reset of ${email}` });
  await expect(resetStatus).toContainText("One-time password:");
  await expect(resetStatus, "after a password reset").toBeFocused();

  const removeButton = page.getByRole("button", { name: `Remove ${email}`, exact: true });
  await expect(removeButton).toBeEnabled();
  page.once("dialog", (dialog) => dialog.accept());
  await removeButton.focus();
  await page.keyboard.press("Enter");
  const changes = page.getByRole("status", { name: "Member changes" });
  await expect(changes).toHaveText(`Removed ${email} from the course.`);
  await expect(select).toHaveCount(0);
  await expect(changes, "after a removal").toBeFocused();
});

test("member search filters on the server", async ({ browser }) => {
  const tag = randomUUID().slice(0, 8);
  await addStudents(databaseUrl(), [
    { name: `Filter ${tag}`, email: `one.${randomUUID().slice(0, 8)}@example.com`, password: "x" },
    { name: "Filter Two", email: `two.${tag}@example.com`, password: "x" },
    { name: "Someone Else", email: `else.${randomUUID().slice(0, 8)}@example.com`, password: "x" },
  ]);
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(MEMBERS);
  await expect(
    page.getByText(/^\d+ members: \d+ admins?, \d+ tutors?, \d+ students$/),
    "the count by role",
  ).toBeVisible();

  await page.getByLabel("Find a member by name or email").fill(tag.toUpperCase());
  await page.getByRole("button", { name: "Find", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`\\?q=${tag.toUpperCase()}$`));
  await expect(page.getByRole("status").filter({ hasText: "in the name or email" })).toHaveText(
    `2 members with "${tag.toUpperCase()}" in the name or email.`,
  );
  const roles = page.getByRole("combobox", { name: /^Role of / });
  await expect(roles).toHaveCount(2);
  await page.getByRole("link", { name: "Show all members" }).click();
  await expect(page).toHaveURL(new RegExp(`${MEMBERS}$`));
  expect(await roles.count()).toBeGreaterThan(3);
});
