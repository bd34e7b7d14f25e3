import { randomUUID } from "node:crypto";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { createDatabase } from "@sawtooth/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

import { addStudents, type StudentAccount } from "./accounts";

const COURSE = "/courses/deep-learning-theory";
const DEMO_TUTOR = DEMO_ACCOUNTS.find((account) => account.role === "tutor")!;
const DEMO_ADMIN = DEMO_ACCOUNTS.find((account) => account.role === "admin")!;

/** h2 with the second output weight −2 in place of −4: wrong from x = 1/2 on. */
const WRONG_WEIGHTS = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -2]], biases: [0] },
  ],
});

// An account of this file only, so that its attempt and comments touch no other spec.
const suffix = randomUUID().slice(0, 8);
const STUDENT: StudentAccount = {
  name: `Comment Student ${suffix}`,
  email: `comment.student.${suffix}@example.com`,
  password: DEMO_PASSWORD,
};
const OVERRIDE_STUDENT: StudentAccount = {
  name: `Override Student ${suffix}`,
  email: `override.student.${suffix}@example.com`,
  password: DEMO_PASSWORD,
};

const REMOVED_STUDENT: StudentAccount = {
  name: `Removed Student ${suffix}`,
  email: `removed.student.${suffix}@example.com`,
  password: DEMO_PASSWORD,
};

async function newSignedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  return page;
}

/** Submits a wrong network as a new student and returns the tutor's page of that attempt. */
async function reviewPathOfNewAttempt(browser: Browser, account: StudentAccount): Promise<string> {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  await addStudents(url, [account]);
  const student = await newSignedInPage(browser, account.email);
  await student.goto(`${COURSE}/exercises/tent-h2`);
  await student.getByLabel("Network JSON", { exact: true }).fill(WRONG_WEIGHTS);
  await student.getByRole("button", { name: "Submit" }).click();
  const history = student.getByRole("region", { name: "Attempt history" });
  await history.getByRole("link", { name: "Open attempt" }).click();
  await expect(student).toHaveURL(/\/attempts\/[^/]+$/);
  const path = new URL(student.url()).pathname;
  await student.context().close();
  return path.replace("/exercises/tent-h2/attempts/", "/review/attempts/");
}

test("comment forms replace old messages", async ({ browser }) => {
  const reviewPath = await reviewPathOfNewAttempt(browser, STUDENT);
  const tutor = await newSignedInPage(browser, DEMO_TUTOR.email);
  await tutor.goto(reviewPath);
  const comments = tutor.getByRole("region", { name: "Comments" });
  const status = comments.getByRole("status");
  const alerts = comments.getByRole("alert");
  const newComment = comments.getByLabel("New comment");
  const add = comments.getByRole("button", { name: "Add comment" });

  // Whitespace passes the browser's `required` check, so the server's error shows.
  await expect(comments.getByText("At most 5,000 characters.")).toHaveCount(1);
  // A paste over the limit stays whole, with how much to shorten, instead of being cut.
  await newComment.fill("x".repeat(5_100));
  await expect(newComment).toHaveValue("x".repeat(5_100));
  await expect(comments.getByText("5,100 characters: shorten by 100.")).toHaveCount(1);
  await newComment.fill("   ");
  await add.click();
  await expect(alerts).toHaveText(["The comment is empty: write what the student should read."]);
  await expect(newComment).toHaveValue("   ");

  await newComment.fill("Look at the slope past x = 1/2.");
  await add.click();
  await expect(status).toHaveText("Comment added.");
  await expect(alerts).toHaveCount(0);
  await expect(newComment).toHaveValue("");
  const first = comments.getByRole("listitem").filter({ hasText: "Look at the slope" });
  await expect(first).toHaveCount(1);

  const byTutor = new RegExp(`^Delete comment by ${DEMO_TUTOR.name}, \\d+ \\w+ \\d{4}, `);
  await expect(first.getByRole("button", { name: byTutor })).toHaveCount(1);
  await first.getByText("Edit", { exact: true }).click();
  const text = first.getByLabel("Comment text");
  await text.fill("   ");
  await first.getByRole("button", { name: "Save comment" }).click();
  await expect(alerts).toHaveText(["The comment is empty: write what the student should read."]);
  await expect(status).toHaveText("");
  await expect(text).toHaveValue("   ");

  await text.fill("Look at the slope past x = 1/2 again.");
  await first.getByRole("button", { name: "Save comment" }).click();
  await expect(status).toHaveText("Comment saved.");
  await expect(alerts).toHaveCount(0);
  await expect(text).toBeHidden();
  await expect(first).toContainText("Look at the slope past x = 1/2 again.");
  await expect(first).toContainText("(edited");

  await newComment.fill("  ");
  await add.click();
  await expect(alerts).toHaveCount(1);
  await newComment.fill("A comment to delete.");
  await add.click();
  await expect(status).toHaveText("Comment added.");
  const extra = comments.getByRole("listitem").filter({ hasText: "A comment to delete." });
  await expect(extra).toHaveCount(1);

  // Dismissing the confirmation keeps the comment.
  tutor.once("dialog", (dialog) => void dialog.dismiss());
  await extra.getByRole("button", { name: "Delete comment" }).click();
  await expect(extra).toHaveCount(1);
  await expect(status).toHaveText("Comment added.");

  tutor.once("dialog", (dialog) => {
    expect(dialog.message()).toBe("Delete this comment? The student no longer sees it.");
    void dialog.accept();
  });
  await extra.getByRole("button", { name: "Delete comment" }).click();
  await expect(extra).toHaveCount(0);
  await expect(status).toHaveText("Comment deleted.");
  await expect(alerts).toHaveCount(0);
  await expect(comments.getByRole("listitem")).toHaveCount(1);
  await tutor.screenshot({ path: test.info().outputPath("comments.png"), fullPage: true });
});

test("editor keeps the version for a due date", async ({ browser }) => {
  const admin = await newSignedInPage(browser, DEMO_ADMIN.email);
  await admin.goto(`${COURSE}/admin/exercises/compose-h2-h2`);
  const versions = admin.getByRole("region", { name: "Versions" }).getByRole("listitem");
  await expect(versions).toHaveCount(1);
  const dueDate = admin.getByLabel("Due date (UTC)");
  const save = admin.getByRole("button", { name: "Save and run self-test" });
  const saved = admin.getByRole("status").filter({ hasText: /^Saved|^Nothing/ });

  await dueDate.fill("2099-02-01T09:00");
  await save.click();
  await expect(saved).toHaveText("Saved the settings. The grading version stays 1.");
  await admin.reload();
  await expect(versions).toHaveCount(1);
  await expect(dueDate).toHaveValue("2099-02-01T09:00");

  await dueDate.fill("");
  await save.click();
  await expect(saved).toHaveText("Saved the settings. The grading version stays 1.");
  await save.click();
  await expect(saved).toHaveText("Nothing changed, so the exercise stays at version 1.");
  await admin.reload();
  await expect(versions).toHaveCount(1);
  await expect(dueDate).toHaveValue("");
});

test("review forms keep text and warn before leaving", async ({ browser }) => {
  const reviewPath = await reviewPathOfNewAttempt(browser, OVERRIDE_STUDENT);
  const tutor = await newSignedInPage(browser, DEMO_TUTOR.email);
  await tutor.goto(reviewPath);
  const override = tutor.getByRole("region", { name: "Score override" });
  const percent = override.getByLabel("New score in %");
  const reason = override.getByLabel("Reason");
  const change = override.getByRole("button", { name: "Change score" });
  const attemptsLink = tutor.getByRole("link", { name: "Attempts", exact: true });

  await expect(override).toContainText("The student sees this reason with the new score");
  await expect(reason).not.toHaveAttribute("maxlength");
  await percent.fill("120");
  await reason.fill("Half of the pieces are right.");
  await change.click();
  await expect(override.getByRole("alert")).toHaveText(
    "The score is above 100%: enter at most 100.",
  );
  await expect(percent).toHaveValue("120");
  await expect(reason).toHaveValue("Half of the pieces are right.");

  // Unsent text: an in-app link asks first, and dismissing keeps the page.
  let question = "";
  tutor.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await attemptsLink.click();
  await expect.poll(() => question).toContain("is not sent");
  expect(new URL(tutor.url()).pathname).toBe(reviewPath);
  await expect(percent).toHaveValue("120");

  await percent.fill("50");
  await change.click();
  await expect(override.getByRole("status")).toHaveText("Score changed.");
  await expect(percent).toHaveValue("");
  await expect(reason).toHaveValue("");

  const comments = tutor.getByRole("region", { name: "Comments" });
  await comments.getByLabel("New comment").fill("See the slope past x = 1/2.");
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(comments.getByRole("status")).toHaveText("Comment added.");

  await comments.getByLabel("New comment").fill("A half-written");
  let unloadAsked = false;
  tutor.once("dialog", (dialog) => {
    unloadAsked = dialog.type() === "beforeunload";
    void dialog.dismiss();
  });
  await tutor.reload({ timeout: 2_000 }).catch(() => undefined);
  expect(unloadAsked).toBe(true);
  await comments.getByLabel("New comment").fill("");

  // Nothing unsent: the link leaves without a question.
  tutor.once("dialog", (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  await attemptsLink.click();
  await expect(tutor).toHaveURL(/\/review\/attempts$/);
  tutor.removeAllListeners("dialog");

  const student = await newSignedInPage(browser, OVERRIDE_STUDENT.email);
  await student.goto(`${COURSE}/exercises/tent-h2`);
  const row = student.getByRole("region", { name: "Attempt history" }).getByRole("row").nth(1);
  await expect(row.getByRole("cell").first()).toHaveText("#1");
  await expect(row).toContainText("50%");
  await expect(row).toContainText("commented, score changed by a tutor");
});

test("review of a removed student's attempt says so", async ({ browser }) => {
  const reviewPath = await reviewPathOfNewAttempt(browser, REMOVED_STUDENT);
  const db = createDatabase(process.env["SAWTOOTH_E2E_DATABASE_URL"]);
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email: REMOVED_STUDENT.email } });
    await db.membership.deleteMany({ where: { userId: user.id } });
  } finally {
    await db.$disconnect();
  }
  const tutor = await newSignedInPage(browser, DEMO_TUTOR.email);

  await tutor.goto(reviewPath);

  await expect(tutor.getByRole("note")).toContainText(
    "This student is no longer a member of the course.",
  );
  const comments = tutor.getByRole("region", { name: "Comments" });
  await expect(
    comments.getByText("The student cannot see comments while removed from the course."),
  ).toBeVisible();
  await comments.getByLabel("New comment").fill("Kept for the record.");
  await comments.getByRole("button", { name: "Add comment" }).click();
  await expect(comments.getByRole("status")).toHaveText("Comment added.");
  const stored = comments.getByRole("paragraph").filter({ hasText: "Kept for the record." });
  await expect(stored).toBeVisible();

  await tutor.goto(`${COURSE}/review/attempts`);
  const row = tutor.getByRole("row").filter({ hasText: REMOVED_STUDENT.email });
  await expect(row.getByText("(removed)", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toContainText(`${REMOVED_STUDENT.name} (removed)`);
  const present = tutor.getByRole("row").filter({ hasText: STUDENT.email }).first();
  await expect(present.getByText("(removed)", { exact: true })).toHaveCount(0);
});
