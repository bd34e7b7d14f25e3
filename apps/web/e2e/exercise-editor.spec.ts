import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

const ADMIN = "/courses/deep-learning-theory/admin";
const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";

/** The lecture's h2 = 2φ(x) − 4φ(x − 1/2). */
const H2 = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
};

async function signedInPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  return page;
}

/** Creates a hidden exercise `id` in the editor and waits for its own page. */
async function createExercise(page: Page, id: string): Promise<void> {
  await page.goto(`${ADMIN}/new-exercise`);
  await page.getByLabel("Exercise id", { exact: true }).fill(id);
  await page.getByLabel("Title", { exact: true }).fill(`Tent ${id}`);
  await page.getByLabel("Statement", { exact: true }).fill("Build the tent.");
  await page.getByLabel("Reference solution", { exact: true }).fill(JSON.stringify(H2));
  await page.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(page).toHaveURL(`${ADMIN}/exercises/${id}`);
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 1." })).toBeVisible();
}

function savedStatus(page: Page) {
  return page.getByRole("status").filter({ hasText: /^Saved|^Nothing changed/ });
}

test("exercise id new opens its editor", async ({ browser }) => {
  const admin = await signedInPage(browser);
  // Before an exercise takes the id "new", its path leads to the new-exercise form.
  await admin.goto(`${ADMIN}/exercises/new`);
  await expect(admin).toHaveURL(`${ADMIN}/new-exercise`);
  await expect(admin.getByRole("heading", { name: "New exercise" })).toBeVisible();

  await createExercise(admin, "new");
  await expect(admin.getByRole("heading", { name: "Edit Tent new" })).toBeVisible();
  await expect(admin.getByLabel("Exercise id", { exact: true })).toHaveValue("new");
  await admin.getByLabel("Title", { exact: true }).fill("Tent new, edited");
  await admin.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(savedStatus(admin)).toHaveText(
    "Saved the new wording. The grading version stays 1.",
  );

  await admin.goto(ADMIN);
  await admin.getByRole("link", { name: "New exercise" }).click();
  await expect(admin).toHaveURL(`${ADMIN}/new-exercise`);
  await expect(admin.getByLabel("Exercise id", { exact: true })).toHaveValue("");
});

test("broken math is listed and rejected", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await admin.goto(`${ADMIN}/new-exercise`);
  await admin.getByLabel("Exercise id", { exact: true }).fill("broken-math-e2e");
  await admin.getByLabel("Title", { exact: true }).fill("Broken math");
  await admin
    .getByLabel("Statement", { exact: true })
    .fill("Broken: $\\frac{1}{$ and $\\undefinedmacro{x}$, but $x^2$ is fine.");
  await admin.getByLabel("Reference solution", { exact: true }).fill(JSON.stringify(H2));

  const listed = admin.getByRole("region", { name: "Math problems" }).getByRole("listitem");
  await expect(listed).toHaveText([
    "Statement, formula 1 `\\frac{1}{`: the input ends inside a { … } group: close it",
    "Statement, formula 2 `\\undefinedmacro{x}`: \\undefinedmacro is not a command KaTeX knows: " +
      "check its spelling",
  ]);
  await admin.getByRole("button", { name: "Save and run self-test" }).click();

  const summary = admin.getByRole("alert").filter({ hasText: "The exercise was not saved." });
  await expect(summary).toContainText(
    "Statement: formula 1 `\\frac{1}{`: the input ends inside a { … } group: close it",
  );
  await expect(admin).toHaveURL(`${ADMIN}/new-exercise`);

  await admin.getByLabel("Statement", { exact: true }).fill("Fixed: $\\frac{1}{2}$.");
  await expect(admin.getByRole("region", { name: "Math problems" })).toHaveCount(0);
});

test("wording edit keeps the version", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await createExercise(admin, "wording-e2e");

  await admin.getByLabel("Statement", { exact: true }).fill("Build the tent, reworded.");
  await admin.getByLabel("Title", { exact: true }).fill("Tent, reworded");
  await admin.getByRole("button", { name: "Save and run self-test" }).click();

  await expect(savedStatus(admin)).toHaveText(
    "Saved the new wording. The grading version stays 1.",
  );
  await admin.reload();
  await expect(admin.getByRole("region", { name: "Versions" }).getByRole("listitem")).toHaveCount(
    1,
  );
  await expect(admin.getByLabel("Statement", { exact: true })).toHaveValue(
    "Build the tent, reworded.",
  );
});

test("stale tab's save is rejected", async ({ browser }) => {
  const first = await signedInPage(browser);
  await createExercise(first, "conflict-e2e");
  const second = await first.context().newPage();
  await second.goto(`${ADMIN}/exercises/conflict-e2e`);

  await second.getByLabel("Statement", { exact: true }).fill("Statement from the second tab.");
  await second.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(savedStatus(second)).toHaveText(/Saved the new wording/);
  await first.getByLabel("Title", { exact: true }).fill("Title from the first tab");
  await first.getByRole("button", { name: "Save and run self-test" }).click();

  const problems = first.getByRole("alert").filter({ hasText: "The exercise was not saved." });
  await expect(problems).toContainText("changed since you opened it");
  await expect(first.getByLabel("Title", { exact: true })).toHaveValue("Title from the first tab");
  await first.getByRole("button", { name: /^Reload the stored exercise/ }).click();
  await expect(first.getByLabel("Statement", { exact: true })).toHaveValue(
    "Statement from the second tab.",
  );
  await expect(first.getByLabel("Title", { exact: true })).toHaveValue("Tent conflict-e2e");
});

test("older version loads into the editor", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await createExercise(admin, "restore-e2e");
  await admin.getByLabel("Domain, upper end", { exact: true }).fill("2");
  await admin.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(savedStatus(admin)).toHaveText("Saved as version 2.");

  await admin.reload();
  await admin.getByRole("link", { name: "load version 1 into the editor" }).click();

  await expect(
    admin.getByText("The editor shows version 1, not the newest version 2."),
  ).toBeVisible();
  await expect(admin.getByLabel("Domain, upper end", { exact: true })).toHaveValue("");
  await admin.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(savedStatus(admin)).toHaveText(
    "Saved as version 3, the same definition as version 1.",
  );
  await expect(admin).toHaveURL(`${ADMIN}/exercises/restore-e2e`);
  await expect(admin.getByText("The editor shows version 1")).toHaveCount(0);
  const versions = admin.getByRole("region", { name: "Versions" }).getByRole("listitem");
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(0)).toContainText(
    /^Version 3 \(the same definition as version 1\), stored/,
  );
  await expect(versions.nth(1)).toContainText(/^Version 2, stored/);
  await expect(versions.nth(2)).toContainText(/^Version 1, stored/);
});

/** Reads a size such as "3.2 KiB" or "900 bytes" that follows `label` in `text`, in KiB. */
function sizeAfter(label: string, text: string | null): number {
  const match = new RegExp(`${label} ([\\d.,]+) (KiB|bytes?)`).exec(text ?? "");
  if (match === null) throw new Error(`No size after "${label}" in: ${text}`);
  const value = Number((match[1] ?? "").replaceAll(",", ""));
  return match[2] === "KiB" ? value : value / 1024;
}

test("size summary follows the edits", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await createExercise(admin, "size-e2e");
  const summary = admin.locator("#exercise-size");
  const statement = admin.getByLabel("Statement", { exact: true });
  await expect(summary).toHaveText(
    new RegExp(
      "^This exercise's file: [\\d.,]+ (KiB|bytes) of at most 512 KiB\\. " +
        "The course's files: [\\d.,]+ KiB of at most 1,024 KiB, [\\d.,]+ KiB of it in the " +
        "\\d+ other exercises\\. This exercise may grow by [\\d.,]+ KiB before a save is " +
        "rejected\\.$",
    ),
  );
  const before = await summary.textContent();

  await statement.fill(`Build the tent.${"x".repeat(100 * 1024)}`);

  await expect
    .poll(async () => sizeAfter("file:", await summary.textContent()))
    .toBeCloseTo(sizeAfter("file:", before) + 100, 0);
  const grown = await summary.textContent();
  expect(sizeAfter("course's files:", grown)).toBeCloseTo(
    sizeAfter("course's files:", before) + 100,
    0,
  );
  expect(sizeAfter("grow by", grown)).toBeCloseTo(sizeAfter("grow by", before) - 100, 0);

  await statement.fill("x".repeat(600 * 1024));

  await expect(summary).toContainText(/Shorten this exercise by [\d.]+ KiB to save it\.$/);
});

test("unsaved edits ask before leaving", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await createExercise(admin, "unsaved-e2e");
  const dialogs: string[] = [];
  admin.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  const statement = admin.getByLabel("Statement", { exact: true });
  await statement.click();
  await admin.keyboard.type(" Unsaved.");

  await admin
    .getByRole("navigation", { name: "Course admin" })
    .getByRole("link", { name: "Members" })
    .click();
  await expect.poll(() => dialogs).toEqual(["confirm"]);
  await expect(admin).toHaveURL(`${ADMIN}/exercises/unsaved-e2e`);
  await admin.reload({ timeout: 3_000 }).catch(() => undefined);
  await expect.poll(() => dialogs).toEqual(["confirm", "beforeunload"]);
  await expect(statement).toHaveValue("Build the tent. Unsaved.");

  await admin.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(savedStatus(admin)).toHaveText(/Saved the new wording/);
  await admin
    .getByRole("navigation", { name: "Course admin" })
    .getByRole("link", { name: "Members" })
    .click();
  await expect(admin).toHaveURL(`${ADMIN}/members`);
  expect(dialogs).toEqual(["confirm", "beforeunload"]);
});

test("long statement skips the preview", async ({ browser }) => {
  const admin = await signedInPage(browser);
  await admin.goto(`${ADMIN}/new-exercise`);
  const statement = admin.getByLabel("Statement", { exact: true });
  const preview = admin.getByRole("region", { name: "Statement preview" });

  await statement.fill("x ".repeat(265_000));

  await expect(preview).toContainText("No preview: the statement has 530,000 characters", {
    timeout: 5_000,
  });
  await statement.click();
  await admin.keyboard.press("Control+End");
  const started = Date.now();
  await admin.keyboard.type("abc");
  expect(Date.now() - started).toBeLessThan(3_000);
  // Checked in the page, so a failure does not print the 530,000 characters.
  expect(
    await statement.evaluate((field) => (field as HTMLTextAreaElement).value.endsWith("abc")),
  ).toBe(true);
});
