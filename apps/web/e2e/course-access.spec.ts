import { readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { createDatabase, createExercise } from "@sawtooth/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

import { LECTURE_COURSE_SLUG, OTHER_COURSE_ADMIN } from "./accounts";

const COURSE = `/courses/${LECTURE_COURSE_SLUG}`;
const HIDDEN_SLUG = "hidden-for-staff";
const HIDDEN_TITLE = "A tent that only staff see";
const HIDDEN_EXERCISE = `${COURSE}/exercises/${HIDDEN_SLUG}`;

const TUTOR_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "tutor")?.email ?? "";
const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";

/** Adds a hidden copy of tent-h2 to the lecture's course, as an admin's save leaves it. */
async function addHiddenExercise(): Promise<void> {
  const file = path.join(
    import.meta.dirname,
    "../../../packages/courses/deep-learning-theory/exercises/tent-h2.json",
  );
  const tent = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const definition = { ...tent, id: HIDDEN_SLUG, title: HIDDEN_TITLE };
  const db = createDatabase(process.env["SAWTOOTH_E2E_DATABASE_URL"]);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
    const created = await createExercise(db, course.id, {
      slug: HIDDEN_SLUG,
      title: HIDDEN_TITLE,
      attemptLimit: null,
      dueDate: null,
      showTarget: true,
      definition: JSON.stringify(definition),
    });
    // A worker that restarts after a failed test runs this hook again.
    expect(["created", "duplicate-slug"]).toContain(created.status);
  } finally {
    await db.$disconnect();
  }
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  return page;
}

/** Returns the addresses of the courses that the course list on `page` links to. */
function listedCourses(page: Page): Promise<string[]> {
  return page
    .locator('main a[href^="/courses/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

test.beforeAll(addHiddenExercise);

test("tutor and admin see their course's hidden exercise", async ({ browser }) => {
  for (const email of [TUTOR_EMAIL, ADMIN_EMAIL]) {
    const page = await signedInPage(browser, email);
    expect(await listedCourses(page), email).toEqual([COURSE]);

    await page.goto(COURSE);
    await expect(page.getByRole("link", { name: HIDDEN_TITLE })).toBeVisible();

    const response = await page.goto(HIDDEN_EXERCISE);
    expect(response?.status(), email).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HIDDEN_TITLE);
  }
});

test("admin of another course gets 404 for this course", async ({ browser }) => {
  const page = await signedInPage(browser, OTHER_COURSE_ADMIN.email);
  expect(await listedCourses(page)).toEqual(["/courses/private-course"]);

  for (const url of [COURSE, `${COURSE}/exercises/tent-h2`, HIDDEN_EXERCISE]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).not.toContain(HIDDEN_TITLE);
  }
});
