import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "@sawtooth/db/demo";

import { OTHER_COURSE_ADMIN } from "./accounts";

/** The course whose only member is {@link OTHER_COURSE_ADMIN}, so the demo course stays as it is. */
const ADMIN_PAGE = "/courses/private-course/admin";

function exerciseFile(id: string): { name: string; mimeType: string; buffer: Buffer } {
  const file = {
    id,
    title: `Order ${id}`,
    statement: "Build h2.",
    domain: "R",
    target: { kind: "tent", variant: "h2" },
    reference: {
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[2, -4]], biases: [0] },
      ],
    },
  };
  return {
    name: `${id}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  };
}

test("admin moves and deletes exercises", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(OTHER_COURSE_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.goto(ADMIN_PAGE);
  await page
    .getByLabel("Exercise files")
    .setInputFiles([exerciseFile("order-one"), exerciseFile("order-two")]);
  await page.getByRole("button", { name: "Check import" }).click();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported exercises" })).toBeVisible();
  await page.reload();

  const rows = page.getByRole("row").filter({ hasText: /order-(one|two)\.json/ });
  await expect(rows).toHaveText([/order-one/, /order-two/]);

  await page.getByRole("button", { name: "Move order-two up" }).click();
  await expect(page.getByRole("status", { name: "Change of order-two" })).toHaveText(
    'Moved "order-two" up.',
  );
  await expect(rows).toHaveText([/order-two/, /order-one/]);
  await page.reload();
  await expect(rows).toHaveText([/order-two/, /order-one/]);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete order-one" }).click();
  await expect(rows).toHaveText([/order-two/]);
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Delete order-two" }).click();
  await page.reload();
  await expect(rows).toHaveText([/order-two/]);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete order-two" }).click();
  await expect(rows).toHaveCount(0);
});
