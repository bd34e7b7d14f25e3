import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "@sawtooth/db/demo";

import { addStudents, LECTURE_COURSE_SLUG, type StudentAccount } from "./accounts";

// An account of this file only, so its attempts do not change what other specs count.
const suffix = randomUUID().slice(0, 8);
const STUDENT: StudentAccount = {
  name: `API Student ${suffix}`,
  email: `api.student.${suffix}@example.com`,
  password: DEMO_PASSWORD,
};

test.beforeAll(async () => {
  const url = process.env["SAWTOOTH_E2E_DATABASE_URL"];
  if (!url)
    throw new Error("SAWTOOTH_E2E_DATABASE_URL is missing: run the specs through Playwright.");
  await addStudents(url, [STUDENT]);
});

test("token from the account page works with fetch", async ({ page, baseURL }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(STUDENT.email);
  await page.getByLabel("Password").fill(STUDENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);

  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/account\/tokens$/);
  await page.getByLabel("Name").fill("e2e notebook");
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New token").textContent()) ?? "";
  expect(token).toMatch(/^saw_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row", { name: /e2e notebook/ });
  await expect(row).toContainText("Active", { timeout: 15_000 });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
  const courses = await api("/courses");
  expect(courses.status).toBe(200);
  expect(await courses.json()).toMatchObject({
    courses: [{ slug: LECTURE_COURSE_SLUG, role: "student" }],
  });

  const submission = {
    "0.weight": [[1], [1]],
    "0.bias": [0, -0.5],
    "2.weight": [[2, -2]],
    "2.bias": [0],
  };
  const submitted = await api(`/courses/${LECTURE_COURSE_SLUG}/exercises/tent-h2/attempts`, {
    method: "POST",
    body: JSON.stringify({ submission }),
  });
  expect(submitted.status).toBe(201);
  const graded = (await submitted.json()) as {
    attempt: { id: string };
    feedback: { verdict: string };
  };
  expect(graded.feedback.verdict).toBe("incorrect");
  const attempt = await api(`/attempts/${graded.attempt.id}`);
  expect(await attempt.json()).toMatchObject({ id: graded.attempt.id, verdict: "incorrect" });

  const unknown = await api("/no-such-route");
  expect(unknown.status).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke e2e notebook" }).click();
  await expect(row).toContainText("Revoked", { timeout: 15_000 });
  const revoked = await api("/courses");
  expect(revoked.status).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: { code: "invalid_token" } });
});

test("signed-out visitor is sent to sign in from the tokens page", async ({ request }) => {
  // The proxy does not match /account, so the page itself checks the session. A cookie that
  // names no session must not pass that check either.
  const forged = { cookie: "better-auth.session_token=forged.value" };
  for (const headers of [{}, forged]) {
    const response = await request.get("/account/tokens", { maxRedirects: 0, headers });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/sign-in");
  }
});
