import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { createDatabase } from "@sawtooth/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@sawtooth/db/demo";

const ADMIN_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === "admin")?.email ?? "";

function databaseUrl(): string {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  return url;
}

/**
 * Creates a course of its own whose only member is the demo admin, so that the people a test
 * imports do not show up in the lecture course that other specs count. Returns its members page.
 */
async function newCourseMembersPage(): Promise<string> {
  const slug = `roster-${randomUUID().slice(0, 8)}`;
  const db = createDatabase(databaseUrl());
  try {
    const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN_EMAIL } });
    await db.course.create({
      data: {
        id: randomUUID(),
        slug,
        title: "Roster test",
        memberships: { create: { userId: admin.id, role: "admin" } },
      },
    });
  } finally {
    await db.$disconnect();
  }
  return `/courses/${slug}/admin/members`;
}

async function signedInAdmin(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  return page;
}

test("roster in Windows-1252 is read with a note", async ({ browser }) => {
  const members = await newCourseMembersPage();
  const page = await signedInAdmin(browser);
  await page.goto(members);
  const panel = page.getByRole("region", { name: "Import a roster" });
  // "Zoë Brückner" as Excel's "CSV (Comma delimited)" writes it on Windows (Windows-1252).
  const bytes = Buffer.concat([
    Buffer.from("email,name,role\r\nzoe@example.org,Zo"),
    Buffer.from([0xeb]),
    Buffer.from(" Br"),
    Buffer.from([0xfc]),
    Buffer.from("ckner,student\r\n"),
  ]);

  await panel
    .getByLabel("Roster file")
    .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: bytes });

  await expect(panel.getByRole("status").filter({ hasText: "Windows-1252" })).toHaveText(
    "Read as Windows-1252, since the file is not UTF-8: check the names below. If letters " +
      'look wrong, save the file in Excel as "CSV UTF-8 (Comma delimited)" and choose it again.',
  );
  await expect(panel.getByLabel("Roster CSV", { exact: true })).toHaveValue(
    /^email,name,role\r?\nzoe@example.org,Zoë Brückner,student\r?\n$/,
  );
  await panel.getByRole("button", { name: "Import roster" }).click();
  await expect(panel.getByRole("table", { name: "Roster report" })).toContainText("created");
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "zoe@example.org" })).toContainText(
    "Zoë Brückner",
  );
});

test("roster over the limit names it and the fix", async ({ browser }) => {
  const members = await newCourseMembersPage();
  const page = await signedInAdmin(browser);
  await page.goto(members);
  const panel = page.getByRole("region", { name: "Import a roster" });
  await expect(panel.getByLabel("Roster file")).toHaveAccessibleDescription(
    "A CSV or tab-separated file in UTF-8, UTF-16 or Windows-1252. At most 262,144 " +
      "characters, about 4,000 rows: split a longer roster into several files.",
  );
  const csv = `email,name,role\n${"someone@example.org,Some One,student\n".repeat(8_000)}`;

  await panel
    .getByLabel("Roster file")
    .setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  await expect(panel.getByRole("alert")).toHaveText(
    "File over the limit.Roster file: The file has 296,016 characters, more than the limit of " +
      "262,144 (about 4,000 rows): split it into smaller files and import them one by one.",
  );
  await expect(panel.getByLabel("Roster CSV", { exact: true })).toHaveValue("");
});

test("roster import shows progress and downloads its report", async ({ browser }) => {
  const members = await newCourseMembersPage();
  const page = await signedInAdmin(browser);
  await page.goto(members);
  const panel = page.getByRole("region", { name: "Import a roster" });
  const tag = randomUUID().slice(0, 8);
  const rows = Array.from({ length: 20 }, (_, i) => `p${i}.${tag}@example.org,Person ${i},student`);
  await panel
    .getByLabel("Roster CSV", { exact: true })
    .fill(["email,name,role", ...rows].join("\n"));

  await panel.getByRole("button", { name: "Import roster" }).click();

  await expect(panel.getByRole("button", { name: "Importing 20 rows…" })).toBeDisabled();
  await expect(panel).toHaveAttribute("aria-busy", "true");
  const report = panel.getByRole("table", { name: "Roster report" });
  await expect(report.getByRole("row")).toHaveCount(21, { timeout: 60_000 });
  await expect(panel).toHaveAttribute("aria-busy", "false");

  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    return dialog.dismiss();
  });
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  expect(question).toBe(
    "The one-time passwords of this import are shown only on this page, and the report is not " +
      "downloaded. Leave the page and lose them?",
  );
  await expect(page).toHaveURL(new RegExp(`${members}$`));

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("button", { name: "Download the report (CSV)" }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? "", "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("\uFEFFLine,Email,Name,Role,Outcome,One-time password,Reason");
  expect(lines[1]).toMatch(
    new RegExp(`^2,p0\\.${tag}@example\\.org,Person 0,student,created,[A-Za-z0-9_-]{16},$`),
  );
  expect(lines).toHaveLength(22);
  const firstPassword = lines[1]?.split(",")[5];
  await expect(report.getByRole("row").nth(1)).toContainText(firstPassword ?? "missing");

  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
});
