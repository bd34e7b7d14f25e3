import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

import { expect, test, type Browser, type Page } from "@playwright/test";
import { hashPassword } from "better-auth/crypto";

import { createDatabase } from "@sawtooth/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

import { addStudents, type StudentAccount } from "./accounts";

const COURSE = "/courses/deep-learning-theory";
const TENT_H2 = `${COURSE}/exercises/tent-h2`;
const REVIEW = `${COURSE}/review`;
const DEMO_TUTOR = DEMO_ACCOUNTS.find((account) => account.role === "tutor")!;
const DEMO_ADMIN = DEMO_ACCOUNTS.find((account) => account.role === "admin")!;

/** h2 with the second output weight −2 in place of −4: wrong from x = 1/2 on, graded 0. */
const WRONG_WEIGHTS = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -2]], biases: [0] },
  ],
});

// Accounts of this file only, so its numbers do not depend on what other specs submit.
const suffix = randomUUID().slice(0, 8);
const STUDENT: StudentAccount = {
  name: `Review Student ${suffix}`,
  email: `review.student.${suffix}@example.com`,
  password: DEMO_PASSWORD,
};
const OTHER_TUTOR: StudentAccount = {
  name: `Other Tutor ${suffix}`,
  email: `other.tutor.${suffix}@example.com`,
  password: DEMO_PASSWORD,
};

function databaseUrl(): string {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  return url;
}

/** Adds `account` as a tutor of the member-less "private-course". */
async function addOtherCourseTutor(account: StudentAccount): Promise<void> {
  const db = createDatabase(databaseUrl());
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: "private-course" } });
    const userId = randomUUID();
    await db.user.create({
      data: {
        id: userId,
        name: account.name,
        email: account.email,
        emailVerified: true,
        accounts: {
          create: {
            id: randomUUID(),
            accountId: userId,
            providerId: "credential",
            password: await hashPassword(account.password),
          },
        },
        memberships: { create: { courseId: course.id, role: "tutor" } },
      },
    });
  } finally {
    await db.$disconnect();
  }
}

async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

async function newSignedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Splits CSV text into rows of fields, following RFC 4180 quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  return rows;
}

let attemptUrl = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await addStudents(databaseUrl(), [STUDENT]);
  await addOtherCourseTutor(OTHER_TUTOR);
});

test("tutor comments and overrides; student sees both", async ({ browser }) => {
  const student = await newSignedInPage(browser, STUDENT.email);
  await student.goto(TENT_H2);
  await student.getByLabel("Network JSON", { exact: true }).fill(WRONG_WEIGHTS);
  await student.getByRole("button", { name: "Submit" }).click();
  const history = student.getByRole("region", { name: "Attempt history" });
  await expect(history.getByRole("cell", { name: "Incorrect", exact: true })).toHaveCount(1);

  const tutor = await newSignedInPage(browser, DEMO_TUTOR.email);
  await tutor.goto(COURSE);
  await tutor.getByRole("link", { name: "Review students' work" }).click();
  await expect(tutor).toHaveURL(new RegExp(`${REVIEW}$`));
  const row = tutor.getByRole("row").filter({ hasText: STUDENT.email });
  await expect(row).toContainText("Tried");
  await screenshot(tutor, "1-dashboard");

  await tutor.getByRole("link", { name: "Attempts", exact: true }).click();
  await expect(tutor).toHaveURL(new RegExp(`${REVIEW}/attempts$`));
  await tutor
    .getByRole("combobox", { name: "Student", exact: true })
    // Names in options sit between Unicode isolate marks, so right-to-left text stays in place.
    .selectOption({ label: `\u2068${STUDENT.name}\u2069 (${STUDENT.email})` });
  await tutor.getByRole("button", { name: "Filter" }).click();
  await expect(tutor).toHaveURL(/student=/);
  await expect(tutor.getByRole("row")).toHaveCount(2);
  await tutor
    .getByRole("link", { name: `Review attempt 1 by ${STUDENT.name} at tent-h2`, exact: true })
    .click();
  await expect(tutor.getByRole("heading", { level: 1 })).toHaveText(
    "Attempt #1 at The tent map h2",
  );
  attemptUrl = new URL(tutor.url()).pathname;
  const sent = tutor.getByRole("region", { name: "Submission as sent" });
  await expect(sent.locator("pre")).toHaveText(WRONG_WEIGHTS);
  await expect(tutor.getByRole("region", { name: "Submission as parsed" })).toContainText('"-2"');
  await expect(tutor.getByRole("region", { name: "Feedback" })).toContainText("Incorrect");

  await tutor.getByLabel("New comment").fill("Look at the slope past x = 1/2.");
  await tutor.getByRole("button", { name: "Add comment" }).click();
  await expect(tutor.getByRole("status").filter({ hasText: "Comment added." })).toBeVisible();
  const comments = tutor.getByRole("region", { name: "Comments" });
  await expect(comments).toContainText("Look at the slope past x = 1/2.");

  await comments.getByText("Edit", { exact: true }).click();
  await comments.getByLabel("Comment text").fill("Look at the slope past x = 1/2 again.");
  await comments.getByRole("button", { name: "Save comment" }).click();
  await expect(comments.getByRole("listitem")).toHaveCount(1);
  await expect(comments.getByRole("listitem")).toContainText(
    "Look at the slope past x = 1/2 again.",
  );
  await expect(comments.getByRole("listitem")).toContainText("(edited");

  await tutor.getByLabel("New comment").fill("A comment to delete.");
  await tutor.getByRole("button", { name: "Add comment" }).click();
  const extra = comments.getByRole("listitem").filter({ hasText: "A comment to delete." });
  await expect(extra).toHaveCount(1);
  tutor.once("dialog", (dialog) => void dialog.accept());
  await extra.getByRole("button", { name: "Delete comment" }).click();
  await expect(extra).toHaveCount(0);
  await expect(comments.getByRole("listitem")).toHaveCount(1);

  await tutor.getByLabel("New score in %").fill("50");
  await tutor.getByRole("button", { name: "Change score" }).click();
  // The reason is required: the browser keeps the form from being sent without it.
  await expect(tutor.getByRole("status").filter({ hasText: "Score changed." })).toHaveCount(0);
  await tutor.getByLabel("Reason").fill("The breakpoint at 1/2 is right.");
  await tutor.getByRole("button", { name: "Change score" }).click();
  await expect(tutor.getByRole("status").filter({ hasText: "Score changed." })).toBeVisible();
  const trail = tutor.getByRole("region", { name: "Score override" }).getByRole("row");
  await expect(trail.nth(1)).toContainText("Demo Tutor");
  await expect(trail.nth(1)).toContainText("0%");
  await expect(trail.nth(1)).toContainText("50%");
  await expect(trail.nth(1)).toContainText("The breakpoint at 1/2 is right.");
  // The feedback shows the score that counts, as the student sees it.
  await expect(tutor.getByRole("region", { name: "Feedback" })).toContainText(
    "Score: 50%, set by a tutor (the grader gave 0%)",
  );
  await screenshot(tutor, "2-attempt-reviewed");

  await student.goto(attemptUrl.replace("/review/attempts/", "/exercises/tent-h2/attempts/"));
  const studentComments = student.getByRole("region", { name: "Comments from tutors" });
  await expect(studentComments).toContainText("Look at the slope past x = 1/2 again.");
  await expect(studentComments).toContainText("(edited");
  await expect(studentComments).not.toContainText("A comment to delete.");
  await expect(student.getByLabel("Score override")).toContainText(
    "A tutor set this attempt's score to 50%",
  );
  await expect(student.getByLabel("Score override")).toContainText("Reason from Demo Tutor");
  await expect(student.getByLabel("Score override")).toContainText(
    "The breakpoint at 1/2 is right.",
  );
  await expect(student.getByRole("region", { name: "Feedback" })).toContainText(
    "Score: 50%, set by a tutor (the grader gave 0%)",
  );
  await screenshot(student, "3-student-attempt");

  await student.goto(TENT_H2);
  await expect(history.getByRole("row").filter({ hasText: "Incorrect" })).toContainText("50%");
  await student.goto(COURSE);
  await expect(student.getByRole("row").filter({ hasText: "The tent map h2" })).toContainText(
    "best score 50%",
  );
});

test("gradebook CSV downloads with the right numbers", async ({ browser }) => {
  const tutor = await newSignedInPage(browser, DEMO_TUTOR.email);
  await tutor.goto(REVIEW);

  const [download] = await Promise.all([
    tutor.waitForEvent("download"),
    tutor.getByRole("link", { name: "Download gradebook (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("deep-learning-theory-gradebook.csv");
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

  const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
  expect(header?.slice(0, 2)).toEqual(["Name", "Email"]);
  const tentColumn = header?.indexOf("The tent map h2 [tent-h2] (%)") ?? -1;
  expect(tentColumn).toBeGreaterThan(1);
  const row = rows.find((fields) => fields[1] === STUDENT.email);
  expect(row?.[0]).toBe(STUDENT.name);
  expect(row?.[tentColumn]).toBe("50");
  // Every visible exercise is one point; the student earned half of tent-h2's.
  const possible = header?.filter((title) => title.endsWith(" (%)")).length ?? 0;
  expect(header?.slice(-4)).toEqual([
    "Points earned",
    "Points possible",
    "Total (% of points possible)",
    "Solved",
  ]);
  expect(row?.at(-4)).toBe("0.5");
  expect(row?.at(-3)).toBe(String(possible));
  const percent = String(Math.round((0.5 / possible) * 10_000) / 100);
  expect(row?.at(-2)).toBe(percent);
  expect(row?.at(-1)).toBe("0");
  // The dashboard's total agrees with the CSV.
  const dashboardRow = tutor.getByRole("row").filter({ hasText: STUDENT.email });
  await expect(dashboardRow.getByRole("cell").last()).toHaveText(
    `${percent}%0.5 of ${possible} points`,
  );
  expect(rows.every((fields) => fields.length === header?.length)).toBe(true);
});

test("review pages admit only the course's tutors and admins", async ({ browser, request }) => {
  const attemptId = attemptUrl.split("/").at(-1);
  expect(attemptId).toBeTruthy();
  const pages = [REVIEW, `${REVIEW}/attempts`, attemptUrl, `${REVIEW}/mistakes`];
  const csv = `${REVIEW}/gradebook`;
  // The same attempt on the page its student opens it from.
  const studentAttempt = `${TENT_H2}/attempts/${attemptId}`;

  // Without a session cookie the proxy sends every course address to sign in. With a cookie
  // that names no session, the request reaches the page or route, which checks it itself.
  const forged = { cookie: "better-auth.session_token=forged.value" };
  for (const url of [...pages, csv]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), `no cookie: ${url}`).toBe(307);
    expect(response.headers()["location"], `no cookie: ${url}`).toContain("/sign-in");
  }
  for (const url of pages) {
    const response = await request.get(url, { maxRedirects: 0, headers: forged });
    expect(response.status(), `forged cookie: ${url}`).toBe(307);
    expect(response.headers()["location"], `forged cookie: ${url}`).toContain("/sign-in");
  }
  const forgedCsv = await request.get(csv, { maxRedirects: 0, headers: forged });
  expect(forgedCsv.status(), "forged cookie: CSV").toBe(404);

  for (const email of [DEMO_STUDENT.email, STUDENT.email, OTHER_TUTOR.email]) {
    const page = await newSignedInPage(browser, email);
    for (const url of [...pages, csv]) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), `${email}: ${url}`).toBe(404);
      expect(await response.text(), `${email}: ${url}`).not.toContain("Download gradebook");
    }
    if (email === OTHER_TUTOR.email) {
      // A tutor of another course is no member of this one, so the student's pages are 404 too.
      for (const url of [studentAttempt, COURSE]) {
        expect((await page.request.get(url)).status(), `${email}: ${url}`).toBe(404);
      }
    } else {
      await page.goto(COURSE);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Review students' work" })).toHaveCount(0);
    }
  }

  for (const email of [DEMO_TUTOR.email, DEMO_ADMIN.email]) {
    const staff = await newSignedInPage(browser, email);
    for (const url of [...pages, csv, studentAttempt]) {
      expect((await staff.request.get(url)).status(), `${email}: ${url}`).toBe(200);
    }
  }
});

test("review filters name each invalid value", async ({ browser }) => {
  const tutor = await newSignedInPage(browser, DEMO_TUTOR.email);

  await tutor.goto(`${REVIEW}/attempts?from=garbage&verdict=invalid&page=-1&cursor=abc`);
  // Next.js adds an empty alert of its own, the route announcer.
  const problems = tutor.getByRole("alert").filter({ hasText: "not applied" });
  await expect(problems).toContainText('From: "garbage" is not a date; use the form YYYY-MM-DD');
  await expect(problems).toContainText('Verdict: "invalid" is not a verdict');
  await expect(problems).toContainText('"page" is not a filter of this list');
  await expect(problems).toContainText('Cursor: "abc" is not a position in this list');

  await tutor.goto(`${REVIEW}/attempts?from=2027-02-01&to=2027-01-01`);
  await expect(problems).toContainText("From is after To");

  await tutor.goto(`${REVIEW}/mistakes?exercise=nonexistent`);
  await expect(problems).toContainText('no exercise "nonexistent" in this course');
  await expect(tutor.getByRole("listitem").filter({ hasText: "attempts by" })).toHaveCount(0);
});
