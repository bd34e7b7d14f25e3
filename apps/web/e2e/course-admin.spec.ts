import { gzipSync } from "node:zlib";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { createDatabase } from "@sawtooth/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

import { readTar, writeTar, type ArchiveEntry } from "../src/lib/tar";
import { OTHER_COURSE_ADMIN } from "./accounts";

const COURSE = "/courses/deep-learning-theory";
const ADMIN = `${COURSE}/admin`;
/** The course whose only member is {@link OTHER_COURSE_ADMIN}, an admin, and which starts empty. */
const PRIVATE_COURSE = "private-course";

const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";
const TUTOR_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "tutor")?.email ?? "";

/** The lecture's h2 = 2φ(x) − 4φ(x − 1/2). */
const H2 = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -4]], biases: [0] },
  ],
};
/** h3 = φ(h2): the same network with a ReLU on the output. */
const H3 = { ...H2, outputActivation: "relu" };
/** h2 with the second output weight −2: wrong from x = 1/2 on, for both targets. */
const WRONG = {
  layers: [
    { weights: [[1], [1]], biases: [0, "-1/2"] },
    { weights: [[2, -2]], biases: [0] },
  ],
};

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("admin publishes, edits and regrades an exercise", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(COURSE);
  await admin.getByRole("link", { name: "Course admin" }).click();
  await admin.getByRole("link", { name: "New exercise" }).click();

  await admin.getByLabel("Exercise id", { exact: true }).fill("tent-by-admin");
  await admin.getByLabel("Title", { exact: true }).fill("Tent by the admin");
  await admin.getByRole("textbox", { name: /^Statement/ }).fill("Build $h_2$ with two neurons.");
  await expect(
    admin.getByRole("region", { name: "Statement preview" }).locator(".katex"),
  ).toHaveCount(1);
  await admin.getByLabel("Reference solution").fill(JSON.stringify(H2));
  await admin.getByRole("button", { name: "Add a known-wrong submission" }).click();
  await admin.getByLabel("Name", { exact: true }).fill("output weight -2");
  await admin.getByLabel("Submission", { exact: true }).fill(JSON.stringify(WRONG));
  await admin.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(admin).toHaveURL(`${ADMIN}/exercises/tent-by-admin`);
  const firstSelfTest = admin
    .getByRole("form", { name: "Exercise" })
    .getByRole("region", { name: "Self-test" });
  await expect(firstSelfTest).toContainText("Self-test passed");
  await expect(firstSelfTest.getByRole("row")).toHaveCount(3);
  await expect(admin.getByRole("status").filter({ hasText: "Saved as version 1." })).toBeVisible();
  await screenshot(admin, "1-created");

  await admin.getByRole("button", { name: "Run self-test and publish" }).click();
  const selfTest = admin
    .getByRole("region", { name: "Visibility" })
    .getByRole("region", { name: "Self-test" });
  await expect(selfTest).toContainText("Self-test passed");
  await expect(selfTest.getByRole("row")).toHaveCount(3);
  await expect(admin.getByText("Published: students see this exercise.")).toBeVisible();
  await screenshot(admin, "2-published");

  const student = await signedInPage(browser, DEMO_STUDENT.email);
  await student.goto(`${COURSE}/exercises/tent-by-admin`);
  await student.getByLabel("Network JSON", { exact: true }).fill(JSON.stringify(H2));
  await student.getByRole("button", { name: "Submit" }).click();
  const feedback = student
    .getByRole("region", { name: "Submit" })
    .getByRole("region", { name: "Feedback" });
  await expect(feedback.getByText("Correct", { exact: true })).toBeVisible();

  await admin.reload();
  await admin.getByLabel("Tent variant").selectOption("h3");
  await admin.getByLabel("Reference solution").fill(JSON.stringify(H3));
  await admin.getByRole("button", { name: "Save and run self-test" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();

  const regrade = admin.getByRole("region", { name: "Regrade", exact: true });
  await expect(regrade.getByRole("combobox")).toHaveValue("2");
  await regrade.getByRole("button", { name: "Preview regrade" }).click();
  const preview = admin.getByRole("region", { name: "Regrade preview" });
  await expect(preview).toContainText("1 attempt, 1 would change");
  const row = preview.getByRole("row").filter({ hasText: DEMO_STUDENT.email });
  await expect(row).toContainText("correct, 1");
  await expect(row).toContainText("incorrect, 0");
  await screenshot(admin, "3-regrade-preview");

  await preview.getByRole("button", { name: "Apply regrade" }).click();
  await expect(regrade.getByRole("status")).toContainText("1 attempt regraded, 1 changed");
  await expect(admin.getByRole("region", { name: "Regrade log" })).toContainText(
    "regraded 1 attempt against version 2, 1 changed",
  );
  await screenshot(admin, "4-regrade-applied");

  await student.goto(`${COURSE}/exercises/tent-by-admin`);
  const history = student.getByRole("region", { name: "Attempt history" });
  await expect(history.getByRole("cell", { name: "Incorrect", exact: true })).toHaveCount(1);

  // A manual score that a regrade clears shows in the preview although no grade changes.
  await history.getByRole("link", { name: "Open attempt" }).click();
  await expect(student).toHaveURL(/\/attempts\/[^/]+$/);
  const attemptPath = new URL(student.url()).pathname;
  await admin.goto(attemptPath.replace("/exercises/tent-by-admin/", "/review/"));
  await admin.getByLabel("New score in %").fill("50");
  await admin.getByLabel("Reason").fill("Right on half of the domain.");
  await admin.getByRole("button", { name: "Change score" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Score changed." })).toBeVisible();
  await admin.goto(`${ADMIN}/exercises/tent-by-admin`);
  await regrade.getByRole("button", { name: "Preview regrade" }).click();
  await expect(preview).toContainText("0 would change, 1 with a manual score");
  await expect(preview).toContainText("score that counts of 0 attempts");
  await expect(preview.getByRole("row")).toHaveCount(0);
  await expect(preview).toContainText("No attempt changes its grade or score.");
  await preview.getByLabel(/Keep manual score overrides/).uncheck();
  await expect(preview).toContainText("score that counts of 1 attempt and clears 1 manual score");
  const cleared = preview.getByRole("row").filter({ hasText: DEMO_STUDENT.email });
  await expect(cleared).toContainText("50%, cleared");
  await expect(cleared).toContainText("50% → 0%");
  await preview.getByRole("button", { name: "Apply regrade" }).click();
  const result = regrade.getByRole("region", { name: "Regrade result" });
  await expect(result.getByRole("status")).toContainText("0 changed, 1 override cleared");
  await expect(result.getByRole("status")).toContainText(
    "changed the score that counts of 1 attempt and cleared 1 manual score",
  );
  await expect(result.getByRole("row").filter({ hasText: "50% → 0%" })).toHaveCount(1);
});

test("editor reports every problem at its field", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(`${ADMIN}/new-exercise`);
  const save = admin.getByRole("button", { name: "Save and run self-test" });

  await save.click();
  const summary = admin.getByRole("alert").filter({ hasText: "The exercise was not saved." });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("listitem")).toHaveText([
    "Exercise id: use lower-case words joined by hyphens, such as tent-h2",
    "Title: is empty: enter a title",
    "Statement: is empty: enter the statement",
    "Reference solution: is empty: paste the network as JSON",
  ]);
  const id = admin.getByLabel("Exercise id", { exact: true });
  await expect(id).toHaveAttribute("aria-invalid", "true");
  await expect(id).toHaveAccessibleDescription(
    /^Lower-case words joined by hyphens.*use lower-case words joined by hyphens, such as tent-h2$/,
  );
  await expect(admin.getByLabel("Title", { exact: true })).toHaveAccessibleDescription(
    "At most 200 characters. is empty: enter a title",
  );

  await id.fill("ramp-by-admin");
  await admin.getByLabel("Title", { exact: true }).fill("Ramp");
  await admin.getByLabel("Statement", { exact: true }).fill("Build a ramp.");
  await admin.getByLabel("Target kind", { exact: true }).selectOption("points");
  await admin.getByLabel("Breakpoints", { exact: true }).fill("0, 0\n1, 1\nfoo");
  await admin.getByLabel("Left slope", { exact: true }).fill("NaN");
  await admin.getByLabel("Minimum depth", { exact: true }).fill("0");
  await save.click();

  await expect(summary).toBeFocused();
  await expect(summary.getByRole("listitem")).toHaveText([
    "Breakpoints, line 3: needs two numbers, x and y",
    'Left slope: "NaN" is not a number: enter a number such as -1/2 or 0.5',
    "Minimum depth: must be a whole number from 1 to 1,000,000",
    "Reference solution: is empty: paste the network as JSON",
  ]);
  await expect(admin.getByLabel("Breakpoints", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(id).not.toHaveAttribute("aria-invalid");
  await summary.getByRole("link", { name: "Left slope" }).click();
  await expect(admin.getByLabel("Left slope", { exact: true })).toBeFocused();
  await screenshot(admin, "editor-problems");
});

test("editor keeps the form when the statement is too large", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(`${ADMIN}/new-exercise`);
  await admin.getByLabel("Exercise id", { exact: true }).fill("too-long");
  await admin.getByLabel("Title", { exact: true }).fill("Too long");
  await admin.getByLabel("Reference solution", { exact: true }).fill(JSON.stringify(H2));
  const statement = admin.getByLabel("Statement", { exact: true });
  await statement.fill("x".repeat(1_700_000));

  await admin.getByRole("button", { name: "Save and run self-test" }).click();

  await expect(statement).toHaveAttribute("aria-invalid", "true");
  await expect(statement).toHaveAccessibleDescription(
    /is 1,661 KiB, which makes the exercise file 1,661 KiB, larger than the maximum of 512 KiB: shorten it/,
  );
  await expect(admin.getByText("Something went wrong")).toHaveCount(0);
  await expect(admin.getByLabel("Title", { exact: true })).toHaveValue("Too long");
});

test("statement preview renders headings and tables", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(`${ADMIN}/new-exercise`);

  await admin
    .getByLabel("Statement", { exact: true })
    .fill("# Heading\n\nText.\n\n| x | f(x) |\n| --- | --- |\n| 0 | $0$ |");

  const preview = admin.getByRole("region", { name: "Statement preview" });
  const heading = preview.getByRole("heading", { level: 1, name: "Heading" });
  const text = preview.getByText("Text.");
  const size = (locator: typeof text) =>
    locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(await size(heading)).toBeGreaterThan(1.3 * (await size(text)));
  expect(await size(text)).toBe(16);
  await expect(preview.getByRole("columnheader", { name: "f(x)" })).toBeVisible();
  await expect(preview.getByRole("cell").locator(".katex")).toHaveCount(1);
  await expect(preview).not.toContainText("| x |");
});

test("import states its limits and refuses too-large files in place", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(ADMIN);
  const files = admin.getByLabel("Exercise files");
  await expect(files).toHaveAccessibleDescription(
    "Limits: each exercise file up to 512 KiB, and the course's exercise files up to 1,024 KiB " +
      "together, counting those the import leaves as they are. One import takes up to 1,129 KiB " +
      "of JSON files, course.json included, or an archive of up to 5,138 KiB. The export of " +
      "any course fits.",
  );

  // JSON files are sent as they are, so they meet the JSON limit before they are read.
  const big = (name: string) => ({
    name,
    mimeType: "application/json",
    buffer: Buffer.alloc(490 * 1024, " "),
  });
  await files.setInputFiles([big("big-a.json"), big("big-b.json"), big("big-c.json")]);
  await expect(admin.getByRole("alert").filter({ hasText: "The files" })).toHaveText(
    "The files are 1,470 KiB, larger than the maximum of 1,129 KiB for one import: import the exercises in smaller parts",
  );
  await expect(files).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByRole("button", { name: "Check import" })).toBeDisabled();

  await files.setInputFiles({
    name: "huge.tar",
    mimeType: "application/x-tar",
    buffer: Buffer.alloc(20 * 1024 * 1024),
  });
  await expect(admin.getByRole("alert").filter({ hasText: "huge.tar" })).toHaveText(
    "huge.tar is 20,480 KiB, larger than the maximum of 5,138 KiB for one import: import the exercises in smaller parts",
  );
  await expect(admin.getByRole("button", { name: "Check import" })).toBeDisabled();
  await expect(admin.getByText("Something went wrong")).toHaveCount(0);
});

test("import with mistakes lists every problem", async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(ADMIN);
  const valid = {
    id: "imported-tent",
    title: "Imported",
    statement: "Build h2.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: H2,
  };
  const files = [
    { name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") },
    {
      name: "wrong-name.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ ...valid, title: "" })),
    },
    {
      name: "imported-tent.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({
          ...valid,
          knownWrong: [{ name: "not wrong", submission: H2, finding: "function.differs" }],
          visibility: "visible",
        }),
      ),
    },
  ];
  await admin.getByLabel("Exercise files").setInputFiles(files);
  await admin.getByRole("button", { name: "Check import" }).click();

  const alert = admin.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(alert).toContainText("Nothing was imported: 4 problems.");
  await expect(alert.getByRole("listitem")).toHaveCount(4);
  await expect(alert).toContainText("broken.json: is not valid JSON");
  await expect(alert).toContainText("wrong-name.json: title: is empty: enter a title");
  await expect(alert).toContainText(
    'imported-tent.json: knownWrong.0: "not wrong" is graded correct',
  );
  await expect(alert).toContainText(
    'imported-tent.json: visibility: is "visible", but the exercise\'s self-test fails',
  );
  await expect(admin.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  await screenshot(admin, "import-rejected");

  await admin.reload();
  await expect(admin.getByRole("link", { name: "Imported" })).toHaveCount(0);
});

/**
 * Returns an exercise file of about `bytes` bytes whose statement is quotes, which JSON escaping
 * doubles again in the import request.
 */
function quotedExercise(id: string, bytes: number, changes: object = {}): Uint8Array {
  const file = {
    id,
    title: id,
    statement: '"'.repeat(bytes / 2),
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: H2,
    visibility: "hidden",
    ...changes,
  };
  return new TextEncoder().encode(JSON.stringify(file));
}

test("import takes a course archive over the old limits", async ({ browser }) => {
  const admin = await signedInPage(browser, OTHER_COURSE_ADMIN.email);
  await admin.goto(`/courses/${PRIVATE_COURSE}/admin`);
  const exercises = ["big-one", "big-two", "draft-parabola"];
  const info = { slug: PRIVATE_COURSE, title: "Private course", description: "", exercises };
  // x² on [0, 1] with the identity as reference fails its self-test, so it is a hidden draft.
  const draft = quotedExercise("draft-parabola", 64, {
    domain: [0, 1],
    target: { kind: "polynomial", coefficients: [0, 0, 1], tolerance: "1/256" },
    reference: { layers: [{ weights: [[1]], biases: [0] }] },
  });
  const archive = writeTar(
    [
      { path: "course.json", data: new TextEncoder().encode(JSON.stringify(info)) },
      { path: "exercises/big-one.json", data: quotedExercise("big-one", 500 * 1024) },
      { path: "exercises/big-two.json", data: quotedExercise("big-two", 500 * 1024) },
      { path: "exercises/draft-parabola.json", data: draft },
    ],
    new Date(),
  );
  // Sent as JSON, the quotes make a request of about 2,000 KiB.
  expect(archive.length).toBeGreaterThan(1000 * 1024);

  await admin.getByLabel("Exercise files").setInputFiles({
    name: `${PRIVATE_COURSE}.tar`,
    mimeType: "application/x-tar",
    buffer: Buffer.from(archive),
  });
  await admin.getByRole("button", { name: "Check import" }).click();
  const plan = admin.getByRole("region", { name: "Import plan" });
  await expect(plan).toContainText(
    "Hidden drafts, because their self-test fails: draft-parabola (reference).",
  );
  await admin.getByRole("button", { name: "Import", exact: true }).click();

  const status = admin.getByRole("status").filter({ hasText: "Imported exercises" });
  await expect(status).toContainText(
    "Imported exercises: 3 created (big-one, big-two, draft-parabola)",
  );
  await expect(status).toContainText(
    "Hidden drafts, because their self-test fails: draft-parabola (reference).",
  );
  await expect(admin.getByText("Something went wrong")).toHaveCount(0);
  await screenshot(admin, "import-large-archive");
});

/**
 * Repacks an exported course as macOS's tar packs a folder: inside the top folder `course/`,
 * with an AppleDouble file `._<name>` beside every file, a `.DS_Store` and a README.
 */
function macArchive(exported: ArchiveEntry[]): Uint8Array {
  const appleDouble = Uint8Array.from([0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00]);
  const entries: ArchiveEntry[] = [
    { path: "./course/.DS_Store", data: new Uint8Array(8) },
    { path: "./course/README.md", data: new TextEncoder().encode("# Notes\n") },
  ];
  for (const { path, data } of exported) {
    const slash = path.lastIndexOf("/") + 1;
    entries.push({ path: `./course/${path}`, data });
    entries.push({
      path: `./course/${path.slice(0, slash)}._${path.slice(slash)}`,
      data: appleDouble,
    });
  }
  return writeTar(entries, new Date());
}

test("import skips macOS and README files in an archive", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await signedInPage(browser, ADMIN_EMAIL);
  await admin.goto(ADMIN);
  const exportResponse = await admin.request.get(`${ADMIN}/export`);
  expect(exportResponse.status()).toBe(200);
  const exported = readTar(new Uint8Array(await exportResponse.body()));
  const archive = macArchive(exported);
  const files = admin.getByLabel("Exercise files");
  const check = admin.getByRole("button", { name: "Check import" });
  const plan = admin.getByRole("region", { name: "Import plan" });
  const problems = admin.getByRole("alert").filter({ hasText: "Nothing was imported" });
  // macArchive adds an AppleDouble file beside each exported file, and they are counted.
  const read =
    "Read the course folder course/ of mac.tar. Skipped, as not part of a course folder: " +
    `.DS_Store, README.md, ${exported.length} macOS metadata files (._*).`;

  await files.setInputFiles({
    name: "mac.tar",
    mimeType: "application/x-tar",
    buffer: Buffer.from(archive),
  });
  await check.click();
  await expect(plan.getByRole("list", { name: "Archives read" })).toContainText(read);
  await expect(plan.getByRole("row", { name: /tent-h2/ })).toHaveText(/Unchanged/);
  await expect(problems).toHaveCount(0);
  await screenshot(admin, "import-mac-archive");
  await admin.getByRole("button", { name: "Import", exact: true }).click();
  const status = admin.getByRole("status").filter({ hasText: "Imported exercises" });
  await expect(status).toContainText("0 created, 0 with a new version");
  await expect(status).toContainText(`${exported.length - 1} unchanged`);

  // The same archive compressed with gzip, chosen under a name that hides its format.
  await files.setInputFiles({
    name: "course-backup",
    mimeType: "application/octet-stream",
    buffer: gzipSync(archive),
  });
  await check.click();
  await expect(plan).toContainText(read.replace("mac.tar", "course-backup"));

  await files.setInputFiles({
    name: "course.zip",
    mimeType: "application/zip",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]),
  });
  await check.click();
  await expect(problems).toContainText(
    "course.zip: is a zip archive, which the import does not read: unpack it and choose its " +
      ".json files, or pack the course folder as .tar with tar -cf course.tar <folder>",
  );

  // A file chosen on its own is imported on purpose, so one that is not JSON is a problem.
  await files.setInputFiles([
    tentFile("loose-tent", "Build h2."),
    { name: "README.md", mimeType: "text/markdown", buffer: Buffer.from("# Notes") },
  ]);
  await check.click();
  await expect(problems).toContainText(
    "README.md: is not a .json file: choose exercise .json files, course.json, or a course " +
      "archive as .tar or .tar.gz",
  );
  await expect(admin.getByText("Something went wrong")).toHaveCount(0);
});

/** Returns an exercise file for the import's file chooser, a tent with `statement`. */
function tentFile(id: string, statement: string) {
  const file = {
    id,
    title: `Tent ${id}`,
    statement,
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: H2,
  };
  return {
    name: `${id}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  };
}

test("import shows its plan and rejects a stale one", async ({ browser }) => {
  test.setTimeout(90_000);
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (url === undefined)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  const db = createDatabase(url);
  const course = await db.course.findUniqueOrThrow({ where: { slug: PRIVATE_COURSE } });
  const where = { courseId_slug: { courseId: course.id, slug: "plan-tent" } };
  async function storedStatement(): Promise<string> {
    const version = await db.exerciseVersion.findFirstOrThrow({
      where: { exercise: { courseId: course.id, slug: "plan-tent" } },
      orderBy: { version: "desc" },
    });
    return (JSON.parse(version.definition) as { statement: string }).statement;
  }

  const adminPage = `/courses/${PRIVATE_COURSE}/admin`;
  const admin = await signedInPage(browser, OTHER_COURSE_ADMIN.email);
  await admin.goto(adminPage);
  const files = admin.getByLabel("Exercise files");
  const check = admin.getByRole("button", { name: "Check import" });
  const importButton = admin.getByRole("button", { name: "Import", exact: true });
  const plan = admin.getByRole("region", { name: "Import plan" });
  const tentRow = plan.getByRole("row", { name: /plan-tent/ });
  const stale = admin.getByRole("alert").filter({ hasText: "Nothing was imported" });
  const imported = admin.getByRole("status").filter({ hasText: "Imported exercises" });
  const exported = tentFile("plan-tent", "Build h2.");

  try {
    await files.setInputFiles([exported, tentFile("plan-kept", "Build h2.")]);
    await check.click();
    await expect(tentRow).toHaveText(/New exercise, version 1, hidden/);
    expect(await db.exercise.count({ where: { courseId: course.id, slug: "plan-tent" } })).toBe(0);
    await importButton.click();
    await expect(imported).toContainText("2 created (plan-tent, plan-kept)");
    await expect(importButton).toHaveCount(0);

    // Another tab edits the statement, and the old file would overwrite it in place.
    const editor = await admin.context().newPage();
    await editor.goto(`${adminPage}/exercises/plan-tent`);
    await editor.getByLabel("Statement", { exact: true }).fill("Edited in the browser.");
    await editor.getByRole("button", { name: "Save and run self-test" }).click();
    const saved = editor.getByRole("status").filter({ hasText: /^Saved/ });
    await expect(saved).toHaveText(/Saved the new wording/);
    await files.setInputFiles(exported);
    await check.click();
    await expect(tentRow).toHaveText(/Wording changed in place in version 1: statement/);
    await expect(plan).toContainText("Kept as they are:");
    await expect(plan).toContainText("plan-kept");
    await screenshot(admin, "import-plan");

    await editor.getByLabel("Statement", { exact: true }).fill("Edited again in the other tab.");
    await editor.getByRole("button", { name: "Save and run self-test" }).click();
    await expect(saved).toHaveText(/Saved the new wording/);
    await importButton.click();
    await expect(stale).toContainText("the course changed after the check");
    await expect(stale, "after a stale import").toBeFocused();
    await expect(tentRow).toHaveText(/Wording changed in place in version 1: statement/);
    expect(await storedStatement()).toBe("Edited again in the other tab.");

    // A change straight in the database makes the recomputed plan stale too.
    await db.exercise.update({ where, data: { title: "Renamed in the database" } });
    await importButton.click();
    await expect(tentRow).toHaveText(/settings changed: title/);
    await expect(stale).toContainText("the course changed after the check");
    await expect(stale, "after a second stale import").toBeFocused();
    expect(await storedStatement()).toBe("Edited again in the other tab.");

    await importButton.click();
    await expect(imported).toContainText("1 with new wording in the same version (plan-tent)");
    expect(await storedStatement()).toBe("Build h2.");

    // Other files clear the plan, so Import never writes a plan for files it did not check.
    await files.setInputFiles(exported);
    await check.click();
    await expect(tentRow).toHaveText(/Unchanged/);
    await files.setInputFiles(tentFile("plan-other", "Build h2."));
    await expect(plan).toHaveCount(0);
    await expect(importButton).toHaveCount(0);
  } finally {
    await db.$disconnect();
  }
});

const ADMIN_PAGES = [
  ADMIN,
  `${ADMIN}/members`,
  `${ADMIN}/settings`,
  `${ADMIN}/new-exercise`,
  `${ADMIN}/exercises/new`,
  `${ADMIN}/exercises/tent-h2`,
  `${ADMIN}/exercises/tent-h2/preview`,
  `${ADMIN}/export`,
  `${ADMIN}/exercises/tent-h2/export`,
];

for (const [who, email] of [
  ["student", DEMO_STUDENT.email],
  ["tutor", TUTOR_EMAIL],
  ["admin of another course", OTHER_COURSE_ADMIN.email],
] as const) {
  test(`${who} gets 404 on every admin page`, async ({ browser }) => {
    const page = await signedInPage(browser, email);
    for (const path of ADMIN_PAGES) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain('"reference"');
    }
    await page.goto(COURSE);
    await expect(page.getByRole("link", { name: "Course admin" })).toHaveCount(0);
  });
}

test("signed-out visitor is sent to sign in from admin pages", async ({ page }) => {
  for (const path of ADMIN_PAGES) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toContain("/sign-in");
  }
});

test("admin reaches every admin page", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN_EMAIL);
  for (const path of ADMIN_PAGES) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
  }
});

test("role changes only with the Change role button", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(`${ADMIN}/members`);
  const addPanel = page.getByRole("region", { name: "Add a member" });
  await addPanel.getByLabel("Email", { exact: true }).fill("role-keys@example.org");
  const name = addPanel.getByLabel("Name", { exact: true });
  await name.fill("\u202Eevil");
  await addPanel.getByRole("button", { name: "Add member" }).click();
  await expect(name).toHaveAccessibleDescription(
    "For a new account, at most 100 characters. The name contains a bidirectional formatting " +
      "character (U+202E), which changes the direction of the text shown after it.",
  );
  await name.fill("עדה evil");
  await addPanel.getByRole("button", { name: "Add member" }).click();
  await expect(addPanel.getByRole("status")).toContainText("Account created");
  await expect(addPanel.getByRole("status"), "after adding a member").toBeFocused();

  const select = page.getByLabel("Role of role-keys@example.org", { exact: true });
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue("tutor");
  await page.reload();
  await expect(select).toHaveValue("student");

  await select.selectOption("tutor");
  const row = page.getByRole("row").filter({ has: select });
  await row.getByRole("button", { name: "Change role of role-keys@example.org" }).click();
  await expect(
    row.getByRole("status", { name: "Role change of role-keys@example.org" }),
  ).toHaveText("Role of role-keys@example.org changed from student to tutor.");
  await page.reload();
  await expect(select).toHaveValue("tutor");
  await expect(row.locator("bdi")).toHaveText("עדה evil");
});

test("add member shows an invalid email at its field", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(`${ADMIN}/members`);
  const addPanel = page.getByRole("region", { name: "Add a member" });
  const email = addPanel.getByLabel("Email", { exact: true });
  await email.fill("a@b");
  await addPanel.getByRole("button", { name: "Add member" }).click();

  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription("Enter a full address such as name@example.org.");
  await expect(page.getByText("Invalid request")).toHaveCount(0);
  await expect(addPanel.getByLabel("Name", { exact: true })).toHaveAttribute("maxlength", "100");
});

test("settings show a title problem at its field", async ({ browser }) => {
  const page = await signedInPage(browser, ADMIN_EMAIL);
  await page.goto(`${ADMIN}/settings`);
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveAttribute("maxlength", "200");
  await expect(page.getByLabel("Description", { exact: true })).toHaveAttribute(
    "maxlength",
    "10000",
  );
  await title.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();

  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(title).toBeFocused();
  await expect(title).toHaveAccessibleDescription("Title: the title is empty. Enter one.");
});

test("settings saved in another tab make the stale tab reload", async ({ browser }) => {
  const stale = await signedInPage(browser, ADMIN_EMAIL);
  await stale.goto(`${ADMIN}/settings`);
  const fresh = await stale.context().newPage();
  await fresh.goto(`${ADMIN}/settings`);
  const description = fresh.getByLabel("Description", { exact: true });
  const originalDescription = await description.inputValue();
  const originalTitle = await fresh.getByLabel("Title", { exact: true }).inputValue();

  await description.fill(`${originalDescription}\n\nAdded in the second tab.`);
  await fresh.getByRole("button", { name: "Save settings" }).click();
  await expect(fresh.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await stale.getByLabel("Title", { exact: true }).fill("Title from the stale tab");
  await stale.getByRole("button", { name: "Save settings" }).click();

  await expect(stale.getByText("The settings were changed since you opened them")).toBeVisible();
  await expect(stale.getByRole("status").filter({ hasText: "Settings saved." })).toHaveCount(0);
  await stale
    .getByRole("button", { name: "Reload the stored settings (discards your edits)" })
    .click();
  await expect(stale.getByLabel("Title", { exact: true })).toHaveValue(originalTitle);
  await expect(stale.getByLabel("Description", { exact: true })).toHaveValue(
    `${originalDescription}\n\nAdded in the second tab.`,
  );

  // Restores the description, from the reloaded tab, for the tests that follow.
  await stale.getByLabel("Description", { exact: true }).fill(originalDescription);
  await stale.getByRole("button", { name: "Save settings" }).click();
  await expect(stale.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
});
