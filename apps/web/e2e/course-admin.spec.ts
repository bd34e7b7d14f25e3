import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

import { OTHER_COURSE_ADMIN } from "./accounts";

const COURSE = "/courses/deep-learning-theory";
const ADMIN = `${COURSE}/admin`;

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

  await admin.getByLabel("Exercise id").fill("tent-by-admin");
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
  await screenshot(admin, "1-created");

  await admin.getByRole("button", { name: "Run self-test and publish" }).click();
  const selfTest = admin.getByRole("region", { name: "Self-test" });
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
  await expect(preview).toContainText("1 attempts, 1 would change");
  const row = preview.getByRole("row").filter({ hasText: DEMO_STUDENT.email });
  await expect(row).toContainText("correct, 1");
  await expect(row).toContainText("incorrect, 0");
  await screenshot(admin, "3-regrade-preview");

  await preview.getByRole("button", { name: "Apply regrade" }).click();
  await expect(regrade.getByRole("status")).toContainText("1 attempts regraded, 1 changed");
  await expect(admin.getByRole("region", { name: "Regrade log" })).toContainText(
    "regraded 1 attempts against version 2, 1 changed",
  );
  await screenshot(admin, "4-regrade-applied");

  await student.goto(`${COURSE}/exercises/tent-by-admin`);
  const history = student.getByRole("region", { name: "Attempt history" });
  await expect(history.getByRole("cell", { name: "Incorrect", exact: true })).toHaveCount(1);
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
        }),
      ),
    },
  ];
  await admin.getByLabel("Exercise files").setInputFiles(files);
  await admin.getByRole("button", { name: "Import" }).click();

  const alert = admin.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(alert).toContainText("Nothing was imported: 3 problems.");
  await expect(alert.getByRole("listitem")).toHaveCount(3);
  await expect(alert).toContainText("broken.json: is not valid JSON");
  await expect(alert).toContainText("wrong-name.json: title: is empty: enter a value");
  await expect(alert).toContainText(
    'imported-tent.json: knownWrong.0: "not wrong" is graded correct',
  );
  await screenshot(admin, "import-rejected");

  await admin.reload();
  await expect(admin.getByRole("link", { name: "Imported" })).toHaveCount(0);
});

const ADMIN_PAGES = [
  ADMIN,
  `${ADMIN}/members`,
  `${ADMIN}/settings`,
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
  await addPanel.getByLabel("Name", { exact: true }).fill("\u202Eevil");
  await addPanel.getByRole("button", { name: "Add member" }).click();
  await expect(addPanel.getByRole("status")).toContainText("Account created");

  const select = page.getByLabel("Role of role-keys@example.org");
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue("tutor");
  await page.reload();
  await expect(select).toHaveValue("student");

  await select.selectOption("tutor");
  const row = page.getByRole("row").filter({ has: select });
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText(
    "Role of role-keys@example.org changed from student to tutor.",
  );
  await page.reload();
  await expect(select).toHaveValue("tutor");
  await expect(row.locator("bdi")).toHaveText("\u202Eevil");
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
