import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { createDatabase, createExercise, setExerciseVisibility } from "@sawtooth/db";

import { LECTURE_COURSE_SLUG, SECRETS_STUDENT } from "./accounts";

const COURSE = `/courses/${LECTURE_COURSE_SLUG}`;
const EXERCISES_FOLDER = path.join(
  import.meta.dirname,
  "../../../packages/courses/deep-learning-theory/exercises",
);

interface ExerciseFile {
  id: string;
  target: { kind: string; network?: { layers: unknown } };
  reveal?: { targetPlot?: boolean; expectedValues?: boolean };
  reference: { layers: unknown };
  knownWrong: { name: string; submission: { layers?: unknown } | unknown[]; finding?: string }[];
}

/** A string that must not occur in anything a student's browser receives, and what it is. */
interface Secret {
  description: string;
  text: string;
}

/**
 * Drops whitespace, quotes and backslashes, so a JSON value is found however it was formatted
 * and escaped: pretty-printed, inside a JSON string of the RSC payload, or in an HTML attribute.
 */
function normalize(text: string): string {
  return text
    .replaceAll("&quot;", "")
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&")
    .replace(/[\s"\\]/g, "");
}

/** Shortest known-wrong name searched for. */
const MIN_NAME_LENGTH = 20;

/** Returns the secrets of an exercise file: reference, known-wrong networks and names, target. */
function secretsOf(file: ExerciseFile): Secret[] {
  const secrets: Secret[] = [
    { description: `${file.id}: reference`, text: JSON.stringify(file.reference.layers) },
  ];
  file.knownWrong.forEach((wrong, index) => {
    // Short names such as "one tent" are ordinary words of the statements, not evidence.
    if (wrong.name.length >= MIN_NAME_LENGTH) {
      secrets.push({ description: `${file.id}: knownWrong.${index}.name`, text: wrong.name });
    }
    const layers = Array.isArray(wrong.submission) ? wrong.submission : wrong.submission.layers;
    if (layers !== undefined) {
      const description = `${file.id}: knownWrong.${index}.submission`;
      secrets.push({ description, text: JSON.stringify(layers) });
    }
  });
  if (file.reveal?.targetPlot === false && file.target.network) {
    secrets.push({
      description: `${file.id}: hidden target`,
      text: JSON.stringify(file.target.network),
    });
  }
  return secrets;
}

/**
 * An exercise the admin adds for this test, whose target plot is hidden and whose numbers occur
 * nowhere else, so any of them on a student page is a leak.
 */
const SECRET_RAMP: ExerciseFile & Record<string, unknown> = {
  id: "secret-ramp",
  title: "A ramp with a hidden target",
  statement: "Find the ramp from the feedback alone.",
  domain: "R",
  target: {
    kind: "network",
    network: {
      layers: [
        { weights: [["17/29"]], biases: ["-41/37"] },
        { weights: [[1]], biases: [0] },
      ],
    },
  },
  constraints: { maxDepth: 2, maxWidth: 2 },
  reveal: { targetPlot: false, expectedValues: false },
  reference: {
    layers: [
      { weights: [["34/29"]], biases: ["-82/37"] },
      { weights: [["1/2"]], biases: [0] },
    ],
  },
  knownWrong: [
    {
      name: "a ramp that starts one thirty-seventh late",
      submission: {
        layers: [
          { weights: [["17/29"]], biases: ["-43/37"] },
          { weights: [[1]], biases: [0] },
        ],
      },
      finding: "function.differs",
    },
  ],
};

/** The same exercise under another id, left hidden from students. */
const SECRET_HIDDEN = { ...SECRET_RAMP, id: "secret-hidden", title: "A hidden exercise" };

/** Numbers of the admin's exercises, which appear in no other exercise. */
const DISTINCTIVE_NUMBERS = ["17/29", "41/37", "34/29", "82/37", "43/37"];

/** Field names of an exercise file that only the admin's pages may show. */
const SECRET_FIELDS = [/\\?"reference\\?"\s*:/, /knownWrong/];

function lectureExercises(): ExerciseFile[] {
  return readdirSync(EXERCISES_FOLDER)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(path.join(EXERCISES_FOLDER, name), "utf8")));
}

/** Adds the admin's two exercises with the queries that the admin's save and publish run. */
async function addAdminExercises(): Promise<void> {
  const db = createDatabase(process.env["SAWTOOTH_E2E_DATABASE_URL"]);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
    for (const file of [SECRET_RAMP, SECRET_HIDDEN]) {
      const created = await createExercise(db, course.id, {
        slug: file.id,
        title: String(file["title"]),
        attemptLimit: null,
        dueDate: null,
        showTarget: false,
        definition: `${JSON.stringify(file, null, 2)}\n`,
      });
      if (created.status === "created" && file === SECRET_RAMP) {
        await setExerciseVisibility(db, created.id, "visible");
      }
    }
  } finally {
    await db.$disconnect();
  }
}

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(SECRETS_STUDENT.email);
  await page.getByLabel("Password").fill(SECRETS_STUDENT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/courses$/);
}

/** Submits a network through the exercise page and returns the new attempt's path. */
async function submitAttempt(page: Page, exercise: string, network: unknown): Promise<string> {
  await page.goto(`${COURSE}/exercises/${exercise}`);
  await page.getByLabel("Network JSON", { exact: true }).fill(JSON.stringify(network));
  await page.getByRole("button", { name: "Submit" }).click();
  const history = page.getByRole("region", { name: "Attempt history" });
  const link = history.locator('a[href*="/attempts/"]').first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/\/attempts\//);
  return href ?? "";
}

/** Fetches a page as HTML and as the RSC payload that client navigation requests. */
async function fetchBoth(request: APIRequestContext, url: string) {
  const html = await request.get(url);
  const rsc = await request.get(url, { headers: { RSC: "1" } });
  return [
    { url, kind: "HTML", status: html.status(), body: await html.text() },
    { url, kind: "RSC", status: rsc.status(), body: await rsc.text() },
  ];
}

test("student pages contain no targets, references or known-wrong answers", async ({ page }) => {
  test.setTimeout(120_000);
  await addAdminExercises();
  const secrets = [...lectureExercises(), SECRET_RAMP, SECRET_HIDDEN].flatMap(secretsOf);
  await signIn(page);

  await page.goto(COURSE);
  const exerciseLinks = page.getByRole("table").getByRole("link");
  const exercisePaths = await exerciseLinks.evaluateAll((links) =>
    links.map((link) => link.getAttribute("href") ?? ""),
  );
  expect(exercisePaths).toContain(`${COURSE}/exercises/flatten-ramp`);
  expect(exercisePaths).toContain(`${COURSE}/exercises/secret-ramp`);
  expect(exercisePaths).not.toContain(`${COURSE}/exercises/secret-hidden`);

  // Networks that match no reference or known-wrong submission, so the student's own
  // submission on the attempt page is no false alarm.
  const attempts = [
    await submitAttempt(page, "tent-h2", {
      layers: [
        { weights: [[1], [1]], biases: [0, "-1/2"] },
        { weights: [[2, -3]], biases: [0] },
      ],
    }),
    await submitAttempt(page, "flatten-ramp", {
      layers: [
        { weights: [[1], [1]], biases: [0, -1] },
        { weights: [[2, -3]], biases: [-1] },
      ],
    }),
  ];

  const urls = [
    "/courses",
    COURSE,
    ...exercisePaths,
    `${COURSE}/exercises/secret-hidden`,
    ...attempts,
    ...attempts.map((attempt) => attempt.replace(/\/attempts\/.*/, "")),
  ];
  const responses = [];
  for (const url of urls) {
    responses.push(...(await fetchBoth(page.request, url)));
  }

  for (const response of responses) {
    const place = `${response.kind} of ${response.url}`;
    if (response.url.endsWith("/secret-hidden")) {
      // Next returns 200 and the not-found payload for an RSC request for a missing page.
      if (response.kind === "HTML") expect(response.status, place).toBe(404);
    } else {
      expect(response.status, place).toBe(200);
    }
    const body = normalize(response.body);
    for (const secret of secrets) {
      expect(body.includes(normalize(secret.text)), `${secret.description} in ${place}`).toBe(
        false,
      );
    }
    for (const number of DISTINCTIVE_NUMBERS) {
      expect(body.includes(number), `${number} in ${place}`).toBe(false);
    }
    for (const field of SECRET_FIELDS) {
      expect(field.test(response.body), `${field} in ${place}`).toBe(false);
    }
  }
  // The RSC requests really return the payload, not the HTML page again.
  const rsc = responses.find((response) => response.kind === "RSC" && response.url === COURSE);
  expect(rsc?.body.startsWith("<!DOCTYPE")).toBe(false);
  expect(rsc?.body).toContain("A ramp with a hidden target");
});

test("student's attempt at a hidden exercise answers 404", async ({ page }) => {
  const exercise = { ...SECRET_RAMP, id: "hidden-later", title: "Hidden after an attempt" };
  const db = createDatabase(process.env["SAWTOOTH_E2E_DATABASE_URL"]);
  try {
    const course = await db.course.findUniqueOrThrow({ where: { slug: LECTURE_COURSE_SLUG } });
    const created = await createExercise(db, course.id, {
      slug: exercise.id,
      title: exercise.title,
      attemptLimit: null,
      dueDate: null,
      showTarget: false,
      definition: `${JSON.stringify(exercise, null, 2)}\n`,
    });
    if (created.status !== "created") throw new Error(`Exercise not created: ${created.status}`);
    await setExerciseVisibility(db, created.id, "visible");
    await signIn(page);
    const attempt = await submitAttempt(page, exercise.id, {
      layers: [{ weights: [[1]], biases: [0] }],
    });

    await setExerciseVisibility(db, created.id, "hidden");
    const whileHidden = await page.goto(attempt);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await setExerciseVisibility(db, created.id, "visible");
    const visibleAgain = await page.goto(attempt);

    expect(whileHidden?.status()).toBe(404);
    expect(visibleAgain?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Attempt at Hidden after an attempt",
    );
  } finally {
    await db.$disconnect();
  }
});
