import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, DEMO_STUDENT } from "@sawtooth/db/demo";

const TENT_H2 = "/courses/deep-learning-theory/exercises/tent-h2";

async function openExercise(page: Page, path: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_STUDENT.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
  await page.goto(path);
  await expect(page.getByLabel("Network JSON")).toBeVisible();
}

function cell(page: Page, name: string) {
  return page.getByRole("textbox", { name, exact: true });
}

/** Types the lecture's h2 = 2φ(x) − 4φ(x − 1/2) into the starting 1-2-1 grids of zeros. */
async function typeLectureWeights(page: Page): Promise<void> {
  await cell(page, "Layer 1 weight, row 1, column 1").fill("1");
  await cell(page, "Layer 1 weight, row 2, column 1").fill("1");
  await cell(page, "Layer 1 bias, row 2").fill("-1/2");
  await cell(page, "Layer 2 weight, row 1, column 1").fill("2");
  await cell(page, "Layer 2 weight, row 1, column 2").fill("-4");
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test("lecture weights show the live piece count", async ({ page }) => {
  await openExercise(page, TENT_H2);

  await typeLectureWeights(page);

  const pieces = page.getByTestId("piece-count");
  await expect(pieces).toContainText("Linear pieces: 3");
  await expect(pieces).toContainText("(2·2)^2 = 16");
  await expect(page.getByRole("img", { name: "Your function" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Hidden neurons" }).getByRole("img")).toHaveCount(
    2,
  );
  await expect(page.getByLabel("Network JSON")).toHaveValue(/"biases": \["0", "-1\/2"\]/);
  await expect(page.getByRole("button", { name: "Submit" })).toBeEnabled();
  await screenshot(page, "lecture-weights");
});

test("invalid cell is marked and blocks Submit", async ({ page }) => {
  await openExercise(page, TENT_H2);

  const bias = cell(page, "Layer 1 bias, row 2");
  await bias.fill("1//2");

  await expect(bias).toHaveAttribute("aria-invalid", "true");
  await expect(bias).toHaveAccessibleDescription(/^layer 1 biases, entry 2: /);
  await expect(page.getByRole("button", { name: "Submit" })).toBeDisabled();
  await expect(page.getByText("Submit is disabled until these are fixed:")).toBeVisible();
  await screenshot(page, "invalid-cell");

  await bias.fill("-1/2");
  await expect(bias).not.toHaveAttribute("aria-invalid");
  await expect(page.getByRole("button", { name: "Submit" })).toBeEnabled();
});

test("invalid JSON keeps the grids", async ({ page }) => {
  await openExercise(page, TENT_H2);
  await cell(page, "Layer 1 bias, row 2").fill("-1/2");

  await page.getByLabel("Network JSON").fill('{\n  "layers": [,]\n}');

  await expect(page.getByLabel("Network JSON")).toHaveAccessibleDescription(
    /invalid JSON at line 2, column 14/,
  );
  await expect(cell(page, "Layer 1 bias, row 2")).toHaveValue("-1/2");
  await expect(page.getByRole("button", { name: "Submit" })).toBeDisabled();
});

test("draft comes back after a reload", async ({ page }) => {
  await openExercise(page, TENT_H2);
  await cell(page, "Layer 1 bias, row 2").fill("-3/8");
  await cell(page, "Layer 2 weight, row 1, column 2").fill("1e-3");

  await page.reload();

  await expect(cell(page, "Layer 1 bias, row 2")).toHaveValue("-3/8");
  await expect(cell(page, "Layer 2 weight, row 1, column 2")).toHaveValue("1e-3");
  await expect(page.getByLabel("Network JSON")).toHaveValue(/"-3\/8"/);
  await screenshot(page, "draft-restored");
});

test("state_dict upload shows the mapped layers", async ({ page }) => {
  await openExercise(page, TENT_H2);
  const stateDict = {
    "module.0.weight": [[1], [1]],
    "module.0.bias": [0, -0.5],
    "module.2.weight": [[2, -4]],
    "module.2.bias": [0],
  };

  await page.getByLabel("Upload a JSON file").setInputFiles({
    name: "h2-state-dict.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(stateDict)),
  });

  const report = page.getByRole("status", { name: "Uploaded file" });
  await expect(report).toContainText("Loaded h2-state-dict.json: PyTorch state_dict, 2 layers");
  await expect(report.getByRole("row", { name: "0 → layer 1 2×1 2" })).toBeVisible();
  await expect(report.getByRole("row", { name: "2 → layer 2 1×2 1" })).toBeVisible();
  await expect(report).toContainText("stripped prefix module.");
  await expect(cell(page, "Layer 1 bias, row 2")).toHaveValue("-0.5");
  await expect(page.getByTestId("piece-count")).toContainText("Linear pieces: 3");
  await screenshot(page, "state-dict-upload");
});

test("Submit grades and shows the verdict", async ({ page }) => {
  // Submits to abs-value because the submission tests count the attempts on tent-h2.
  await openExercise(page, "/courses/deep-learning-theory/exercises/abs-value");

  const submit = page.getByRole("button", { name: "Submit" });
  await submit.dblclick();

  await expect(page.getByText(/Incorrect/).first()).toBeVisible();
  await expect(submit).toBeEnabled();
  await screenshot(page, "submit-verdict");
});
