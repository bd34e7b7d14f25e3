import { expect, test, type BrowserContext, type Page } from "@playwright/test";

import { createDatabase } from "@sawtooth/db";
import { DEMO_PASSWORD } from "@sawtooth/db/demo";

import { addStudents, type StudentAccount } from "./accounts";

// A student of its own, so the attempts submitted here add to no history that other specs count.
const STUDENT: StudentAccount = {
  name: "Path Student",
  email: "path.student@example.com",
  password: DEMO_PASSWORD,
};
const TENT_H2 = "/courses/deep-learning-theory/exercises/tent-h2";
const ABS_VALUE = "/courses/deep-learning-theory/exercises/abs-value";

function databaseUrl(): string {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url) {
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  }
  return url;
}

test.beforeAll(async () => {
  // Playwright starts a new worker after a failed test and runs this again, so the account may
  // exist already.
  const db = createDatabase(databaseUrl());
  try {
    if ((await db.user.count({ where: { email: STUDENT.email } })) > 0) return;
  } finally {
    await db.$disconnect();
  }
  await addStudents(databaseUrl(), [STUDENT]);
});

async function signIn(page: Page): Promise<void> {
  await page.getByLabel("Email").fill(STUDENT.email);
  await page.getByLabel("Password").fill(STUDENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function openSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await signIn(page);
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === path);
}

/**
 * Ends the browser's session as expiry does: the session row's expiry passes, and the signed
 * copy of the session in a cookie, which lives five minutes, is gone. The session cookie stays.
 */
async function expireSession(context: BrowserContext): Promise<void> {
  const cookies = await context.cookies();
  const sessionCookie = cookies.find((cookie) => cookie.name === "better-auth.session_token");
  expect(sessionCookie).toBeDefined();
  const token = decodeURIComponent(sessionCookie?.value ?? "").split(".")[0] ?? "";
  const db = createDatabase(databaseUrl());
  try {
    const expired = await db.session.updateMany({
      where: { token },
      data: { expiresAt: new Date(Date.now() - 60_000) },
    });
    expect(expired.count).toBe(1);
  } finally {
    await db.$disconnect();
  }
  await context.clearCookies({ name: "better-auth.session_data" });
}

function cell(page: Page, name: string) {
  return page.getByRole("textbox", { name, exact: true });
}

test("course page labels repeated titles with ids", async ({ page }) => {
  const slug = "repeated-titles";
  const db = createDatabase(databaseUrl());
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email: STUDENT.email } });
    // A retried test finds the course of its first run, so that course is replaced.
    await db.course.deleteMany({ where: { slug } });
    await db.course.create({
      data: {
        slug,
        title: "Repeated titles",
        memberships: { create: { userId: user.id, role: "student" } },
        exercises: {
          create: [
            { slug: "fuzz-a", title: "Fuzz", position: 0 },
            { slug: "fuzz-b", title: "Fuzz", position: 1 },
            { slug: "other", title: "Other", position: 2 },
          ],
        },
      },
    });
  } finally {
    await db.$disconnect();
  }

  await openSignedIn(page, `/courses/${slug}`);

  const links = page.getByRole("table").getByRole("link");
  await expect(links).toHaveText(["Fuzz (fuzz-a)", "Fuzz (fuzz-b)", "Other"]);
});

test("expired session returns to the page after sign-in", async ({ page, context }) => {
  await openSignedIn(page, `${TENT_H2}?from=history`);

  await expireSession(context);
  await page.reload();

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcourses%2Fdeep-learning-theory%2Fexercises/);
  expect(new URL(page.url()).searchParams.get("next")).toBe(`${TENT_H2}?from=history`);
  await signIn(page);
  await expect(page).toHaveURL(
    (url) => `${url.pathname}${url.search}` === `${TENT_H2}?from=history`,
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The tent map h2");
});

test("signed-out submit links to sign in and back", async ({ page, context }) => {
  await openSignedIn(page, ABS_VALUE);
  await cell(page, "Layer 1 weight, row 1, column 1").fill("3/7");

  // The browser drops the session cookie when it expires. (With the cookie still there but its
  // session expired, the action clears the cookie, and Next.js's refresh of the page redirects
  // to sign in, as the test above checks for a reload.)
  await context.clearCookies();
  await page.getByRole("button", { name: "Submit" }).click();

  const link = page.getByRole("link", { name: "Sign in again" });
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await expect(link).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(ABS_VALUE)}`);
  await link.click();
  await signIn(page);
  await expect(page).toHaveURL((url) => url.pathname === ABS_VALUE);
  await expect(cell(page, "Layer 1 weight, row 1, column 1")).toHaveValue("3/7");
});

test("long exact numbers are shortened in feedback", async ({ page }) => {
  const weight = `7${"0123456789".repeat(29)}012345678`;
  await openSignedIn(page, ABS_VALUE);
  // |x| with the slope on the right made 300 digits long: relu(w·x) + relu(-x).
  await cell(page, "Layer 1 weight, row 1, column 1").fill(weight);
  await cell(page, "Layer 1 weight, row 2, column 1").fill("-1");
  await cell(page, "Layer 2 weight, row 1, column 1").fill("1");
  await cell(page, "Layer 2 weight, row 1, column 2").fill("1");

  await page.getByRole("button", { name: "Submit" }).click();

  const feedback = page.getByRole("region", { name: "Feedback" });
  await expect(feedback).toContainText("Incorrect");
  await expect(feedback).toContainText(
    "On (0, ∞) the first wrong piece starts with slope 701234…5678 (300 digits, ≈ 7.0123 × 10^299)",
  );
  await expect(feedback.getByTitle(weight).first()).toBeVisible();
  await expect(feedback.getByText(weight)).toHaveCount(0);
  const show = feedback.getByRole("button", { name: "Show all digits" }).first();
  await show.click();
  await expect(feedback.getByText(weight).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("long-numbers.png"), fullPage: true });
});

test("upload reads UTF-16 and names a binary file", async ({ page }) => {
  await openSignedIn(page, TENT_H2);
  const upload = page.getByLabel("Upload a JSON file");
  const stateDict =
    '{"0.weight": [[1], [1]], "0.bias": [0, -0.5], "2.weight": [[2, -4]], "2.bias": [0]}';

  await upload.setInputFiles({
    name: "h2-utf16.json",
    mimeType: "application/json",
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(stateDict, "utf16le")]),
  });

  await expect(page.getByRole("status", { name: "Uploaded file" })).toContainText(
    "Loaded h2-utf16.json (read as UTF-16 LE): PyTorch state_dict, 2 layers",
  );
  await expect(cell(page, "Layer 1 bias, row 2")).toHaveValue("-0.5");

  await upload.setInputFiles({
    name: "model.pt",
    mimeType: "application/octet-stream",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
  });

  await expect(page.getByRole("status")).toContainText(
    "model.pt is a binary file (a ZIP archive, as torch.save writes a .pt file), not JSON text.",
  );
  await expect(cell(page, "Layer 1 bias, row 2")).toHaveValue("-0.5");
});

test("malformed multipart action bodies get a 400", async ({ request }) => {
  const bodies = [
    ["multipart/form-data", "x"],
    ["multipart/form-data; boundary=B", '--B\r\nContent-Disposition: form-data; name="0"\r\n'],
    [
      "multipart/form-data; boundary=B",
      '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B--\r\n',
    ],
  ];
  for (const [contentType = "", data] of bodies) {
    for (const action of [{ "next-action": "7f00" }, {}]) {
      const response = await request.post(ABS_VALUE, {
        headers: { "content-type": contentType, ...action },
        data,
        maxRedirects: 0,
      });

      expect(response.status(), `${contentType} ${data}`).toBe(400);
      // Next.js rejects a form of plain fields itself, with "Invalid Server Action request."
      expect(await response.text()).toMatch(/^Invalid server action request/i);
    }
  }
});
