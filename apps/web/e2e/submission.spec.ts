import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

import { SECOND_STUDENT } from "./accounts";

const TENT_H2 = "/courses/deep-learning-theory/exercises/tent-h2";

/** The lecture's h2 = 2φ(x) − 4φ(x − 1/2). */
const LECTURE_WEIGHTS = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
});

/** h2 with the second output weight −2 in place of −4: wrong from x = 1/2 on. */
const WRONG_WEIGHTS = JSON.stringify({
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -2]], biases: [0] },
  ],
});

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

async function submitNetwork(page: Page, json: string): Promise<void> {
  await page.getByLabel("Network JSON", { exact: true }).fill(json);
  await page.getByRole("button", { name: "Submit" }).click();
}

/** The feedback the workspace shows after a submit, apart from the attempt history's verdicts. */
function feedback(page: Page) {
  return page.getByRole("region", { name: "Submit" }).getByRole("region", { name: "Feedback" });
}

test("student solves tent-h2, fails it, and finds both attempts", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_PASSWORD);
  await page.goto(TENT_H2);
  await expect(page.getByLabel("Network JSON", { exact: true })).toBeVisible();
  await screenshot(page, "1-exercise-page");

  await submitNetwork(page, LECTURE_WEIGHTS);
  await expect(feedback(page).getByText("Correct", { exact: true })).toBeVisible();
  await screenshot(page, "2-correct");

  await submitNetwork(page, WRONG_WEIGHTS);
  const wrong = feedback(page);
  await expect(wrong.getByText("Incorrect", { exact: true })).toBeVisible();
  await expect(wrong).toContainText("Counterexample");
  await expect(wrong).toContainText("at x = 1, expected 0, your network gives 1");
  await screenshot(page, "3-incorrect");

  // The submit result adds each attempt to the history in place, and the stored page agrees.
  const history = page.getByRole("region", { name: "Attempt history" });
  await expect(history.getByRole("cell", { name: "Correct", exact: true })).toHaveCount(1);
  await expect(history.getByRole("cell", { name: "Incorrect", exact: true })).toHaveCount(1);
  await page.reload();
  await expect(history.getByRole("cell", { name: "Correct", exact: true })).toHaveCount(1);
  await expect(history.getByRole("cell", { name: "Incorrect", exact: true })).toHaveCount(1);
  await screenshot(page, "4-history");

  const incorrectRow = history.getByRole("row").filter({ hasText: "Incorrect" });
  await incorrectRow.getByRole("link", { name: "Open attempt" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Attempt at The tent map h2");
  const sent = page.getByRole("region", { name: "Submission as sent" });
  await expect(sent.locator("pre")).toHaveText(WRONG_WEIGHTS);
  await expect(page.getByRole("region", { name: "Feedback" })).toContainText("Incorrect");
  await screenshot(page, "5-attempt-page");

  await page.getByRole("link", { name: "Load into editor" }).click();
  const json = page.getByLabel("Network JSON", { exact: true });
  await expect(json).toHaveValue(WRONG_WEIGHTS);
  // The address drops ?load= once the attempt is the draft, so a reload keeps later edits.
  await expect(page).not.toHaveURL(/\?load=/);
  await screenshot(page, "6-loaded-into-editor");

  await json.fill(LECTURE_WEIGHTS);
  await page.reload();
  await expect(page.getByLabel("Network JSON", { exact: true })).toHaveValue(LECTURE_WEIGHTS);
});

test("Load into editor asks before replacing a draft", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_PASSWORD);
  await page.goto(TENT_H2);
  const json = page.getByLabel("Network JSON", { exact: true });
  await json.fill(LECTURE_WEIGHTS);
  const history = page.getByRole("region", { name: "Attempt history" });
  const incorrectRow = history.getByRole("row").filter({ hasText: "Incorrect" }).first();
  await incorrectRow.getByRole("link", { name: "Open attempt" }).click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  const attemptUrl = page.url();

  await page.getByRole("link", { name: "Load into editor" }).click();

  const dialog = page.getByRole("dialog", { name: "Replace your draft with this attempt?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/differs from the attempt/);
  await expect(dialog.getByRole("button", { name: "Keep my draft" })).toBeFocused();
  await screenshot(page, "load-confirmation");
  await dialog.getByRole("button", { name: "Keep my draft" }).click();
  await expect(dialog).toBeHidden();
  await expect(json).toHaveValue(LECTURE_WEIGHTS);
  await page.reload();
  await expect(json).toHaveValue(LECTURE_WEIGHTS);

  await page.goto(attemptUrl);
  await page.getByRole("link", { name: "Load into editor" }).click();
  // Escape only closes a dialog that is open: pressed earlier, it reaches the page.
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(json).toHaveValue(LECTURE_WEIGHTS);

  await page.goto(attemptUrl);
  await page.getByRole("link", { name: "Load into editor" }).click();
  await dialog.getByRole("button", { name: "Load the attempt" }).click();
  await expect(dialog).toBeHidden();
  await expect(json).toHaveValue(WRONG_WEIGHTS);
  await page.reload();
  await expect(json).toHaveValue(WRONG_WEIGHTS);
});

test("course page shows the student's status", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_PASSWORD);

  await page.goto("/courses/deep-learning-theory");

  const row = page.getByRole("row").filter({ hasText: "The tent map h2" });
  await expect(row).toContainText("Solved");
  await expect(row).toContainText("best score 100%");
  const untried = page.getByRole("row").filter({ hasText: "The clipped tent" });
  await expect(untried).toContainText("Not tried");
  await screenshot(page, "course-statuses");
});

test("student cannot open another student's attempt", async ({ page }) => {
  await signIn(page, DEMO_STUDENT.email, DEMO_PASSWORD);
  await page.goto(TENT_H2);
  await page
    .getByRole("region", { name: "Attempt history" })
    .getByRole("link", { name: "Open attempt" })
    .first()
    .click();
  await expect(page).toHaveURL(/\/attempts\/[^/]+$/);
  const attemptUrl = page.url();
  await page.context().clearCookies();

  await signIn(page, SECOND_STUDENT.email, SECOND_STUDENT.password);
  const response = await page.goto(attemptUrl);

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await screenshot(page, "other-students-attempt-404");
});
