import { randomUUID } from "node:crypto";

import { expect, test, type Locator, type Page } from "@playwright/test";
import { hashPassword } from "better-auth/crypto";

import { createDatabase } from "@sawtooth/db";
import { DEMO_ACCOUNTS } from "@sawtooth/db/demo";

import { SECOND_STUDENT } from "./accounts";

// The second student, so the attempt stored here leaves the demo student's history as the
// submission tests expect it.
const STUDENT = SECOND_STUDENT;

/** 10^189: 190 digits, which the feedback shows as the counterexample and the sup norm. */
const HUGE = `1${"0".repeat(189)}`;

/** How the feedback shows {@link HUGE} before its digits are expanded. */
const HUGE_SHORT = "100000…0000 (190 digits, ≈ 1 × 10^189)";

/** h2 shifted up by 10^189, so every exact value in the feedback has about 190 digits. */
const SHIFTED_TENT = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [HUGE] },
  ],
});

test.use({ viewport: { width: 390, height: 844 } });

/** Returns the document's width in CSS pixels, wider than the window when the page scrolls. */
function documentWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Returns how far the page scrolls sideways in CSS pixels, which is 0 when it fits the window. */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Expands every shortened number in `region`, as pressing each "Show all digits" does. */
async function showAllDigits(region: Locator): Promise<void> {
  const buttons = region.getByRole("button", { name: "Show all digits" });
  await expect(buttons.first()).toBeVisible();
  while ((await buttons.count()) > 0) {
    await buttons.first().click();
  }
}

test("header fits one row at 390 px", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(STUDENT.email);
  await page.getByLabel("Password").fill(STUDENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);

  const header = page.getByRole("banner");
  const logo = await header.getByRole("link", { name: "Sawtooth" }).boundingBox();
  const email = header.getByText(STUDENT.email);
  const emailBox = await email.boundingBox();
  const signOut = await header.getByRole("button", { name: "Sign out" }).boundingBox();
  if (logo === null || emailBox === null || signOut === null) throw new Error("header not shown");

  expect(emailBox.x).toBeGreaterThanOrEqual(logo.x + logo.width + 8);
  expect(signOut.x).toBeGreaterThanOrEqual(emailBox.x + emailBox.width + 8);
  // One line of text in the button: "Sign out" does not wrap.
  expect(signOut.height).toBeLessThan(40);
  expect(Math.abs(signOut.y + signOut.height / 2 - (logo.y + logo.height / 2))).toBeLessThan(4);
  await expect(email).toHaveAttribute("title", STUDENT.email);
  expect(await sidewaysScroll(page)).toBe(0);
  await screenshot(page, "narrow-header");
});

test("190-digit values wrap without sideways scroll", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(STUDENT.email);
  await page.getByLabel("Password").fill(STUDENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.goto("/courses/deep-learning-theory/exercises/tent-h2");

  await page.getByLabel("Network JSON", { exact: true }).fill(SHIFTED_TENT);
  await page.getByRole("button", { name: "Submit" }).click();

  const feedback = page
    .getByRole("region", { name: "Submit" })
    .getByRole("region", { name: "Feedback" });
  await expect(feedback.getByText("Incorrect", { exact: true })).toBeVisible();
  await expect(feedback).toContainText(`your network gives ${HUGE_SHORT}`);
  expect(await sidewaysScroll(page)).toBe(0);
  await showAllDigits(feedback);
  await expect(feedback).toContainText(`your network gives ${HUGE}`);
  expect(await sidewaysScroll(page)).toBe(0);
  await screenshot(page, "narrow-feedback");

  await page
    .getByRole("region", { name: "Attempt history" })
    .getByRole("link", { name: "Open attempt" })
    .first()
    .click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  const storedFeedback = page.getByRole("region", { name: "Feedback" });
  await expect(storedFeedback).toContainText(HUGE_SHORT);
  await showAllDigits(storedFeedback);
  await expect(storedFeedback).toContainText(HUGE);
  expect(await sidewaysScroll(page)).toBe(0);
  await screenshot(page, "narrow-attempt");
});

test("review and admin pages fit 390 px", async ({ browser }) => {
  const tutorAccount = DEMO_ACCOUNTS.find((account) => account.role === "tutor")!;
  const adminAccount = DEMO_ACCOUNTS.find((account) => account.role === "admin")!;
  const tutor = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await signIn(tutor, tutorAccount.email, STUDENT.password);

  await tutor.goto("/courses/deep-learning-theory/review/attempts");
  await expect(tutor.getByRole("table")).toBeVisible();
  expect(await documentWidth(tutor)).toBeLessThanOrEqual(390);
  await screenshot(tutor, "narrow-review-attempts");

  // The second student's 190-digit attempt from the test above has the widest submission.
  await tutor
    .getByRole("row")
    .filter({ hasText: STUDENT.email })
    .getByRole("link", { name: /^Review attempt/ })
    .first()
    .click();
  await expect(tutor.getByRole("region", { name: "Submission as sent" })).toBeVisible();
  expect(await documentWidth(tutor)).toBeLessThanOrEqual(390);
  await screenshot(tutor, "narrow-review-attempt");

  // The 190-digit offset from the test above heads a group without numbers, and its message
  // wraps inside the group.
  await tutor.goto("/courses/deep-learning-theory/review/mistakes?exercise=tent-h2");
  await expect(tutor.getByRole("button", { name: "Show", exact: true })).toBeVisible();
  const offsetHeading = tutor.getByRole("heading", {
    name: "output shifted by a constant",
  });
  await expect(offsetHeading).toHaveText("output shifted by a constant");
  const offsetGroup = tutor.getByRole("listitem").filter({ has: offsetHeading });
  await expect(offsetGroup.getByRole("list").first()).toContainText(
    `shifted by ${HUGE} everywhere`,
  );
  expect(await documentWidth(tutor)).toBeLessThanOrEqual(390);
  await screenshot(tutor, "narrow-review-mistakes");

  const admin = await (
    await browser.newContext({ viewport: { width: 390, height: 844 } })
  ).newPage();
  await signIn(admin, adminAccount.email, STUDENT.password);
  await admin.goto("/courses/deep-learning-theory/admin");
  await expect(admin.getByRole("table")).toBeVisible();
  expect(await documentWidth(admin)).toBeLessThanOrEqual(390);
  await screenshot(admin, "narrow-admin");

  await admin.goto("/courses/deep-learning-theory/admin/members");
  await expect(admin.getByRole("button", { name: /^Remove/ }).first()).toBeVisible();
  expect(await documentWidth(admin)).toBeLessThanOrEqual(390);
  await screenshot(admin, "narrow-admin-members");
});

/** A word of 200 letters, the longest exercise title, with no place to break a line. */
const LONG_TITLE = "t".repeat(200);

/**
 * Adds a course with one published exercise, whose title is {@link LONG_TITLE} and whose
 * statement has a long URL, and a student of it, who signs in with the returned email.
 */
async function addCourseWithLongWords(): Promise<string> {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  const email = "long-words@example.com";
  const statement =
    "See https://en.wikipedia.org/wiki/Tent_map_with_a_very_long_path_segment_that_does_not_" +
    "break_anywhere_at_all for background.\n\n$$h_2(x) = 2\\sigma(x) - 4\\sigma(x - 1/2)$$";
  const definition = JSON.stringify({
    id: "long-words",
    title: LONG_TITLE,
    statement,
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: JSON.parse(SHIFTED_TENT),
  });
  const db = createDatabase(url);
  try {
    const userId = randomUUID();
    await db.user.create({
      data: {
        id: userId,
        name: "Long Words",
        email,
        emailVerified: true,
        accounts: {
          create: {
            id: randomUUID(),
            accountId: userId,
            providerId: "credential",
            password: await hashPassword(STUDENT.password),
          },
        },
      },
    });
    await db.course.create({
      data: {
        slug: "long-words",
        title: "Long words",
        memberships: { create: { userId, role: "student" } },
        exercises: {
          create: {
            slug: "long-words",
            title: LONG_TITLE,
            position: 0,
            visibility: "visible",
            versions: { create: { version: 1, definition } },
          },
        },
      },
    });
  } finally {
    await db.$disconnect();
  }
  return email;
}

test("long titles and URLs wrap at 390 px", async ({ page }) => {
  const email = await addCourseWithLongWords();
  await signIn(page, email, STUDENT.password);

  await page.goto("/courses/long-words");
  await expect(page.getByRole("link", { name: LONG_TITLE })).toBeVisible();
  expect(await documentWidth(page)).toBeLessThanOrEqual(390);
  await screenshot(page, "narrow-long-title");

  await page.goto("/courses/long-words/exercises/long-words");
  await expect(page.getByRole("heading", { level: 1, name: LONG_TITLE })).toBeVisible();
  await expect(page.getByRole("link", { name: /Tent_map/ })).toBeVisible();
  expect(await documentWidth(page)).toBeLessThanOrEqual(390);
  await screenshot(page, "narrow-long-url");
});
