import { afterEach, beforeEach, describe, expect, test } from "vitest";

import { createDatabase, type Database } from "./client";
import { listExercisesWithDefinitions } from "./exercises";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";

let testDatabase: TestDatabase;

beforeEach(async () => {
  testDatabase = createTestDatabase();
  await testDatabase.db.course.create({ data: { id: "c1", slug: "c1", title: "Course" } });
});

afterEach(async () => {
  await testDatabase.remove();
});

/** Adds exercise `slug` at `position` with versions 1 to `versions`, defined as "<slug> v<n>". */
async function addExercise(
  slug: string,
  position: number,
  versions: number,
  visibility = "visible",
): Promise<void> {
  await testDatabase.db.exercise.create({
    data: {
      courseId: "c1",
      slug,
      title: slug,
      position,
      visibility,
      versions: {
        create: Array.from({ length: versions }, (_, index) => ({
          version: index + 1,
          definition: `${slug} v${index + 1}`,
        })),
      },
    },
  });
}

/** Runs `action` on a second client of the test database and returns the statements it sent. */
async function recordQueries(action: (db: Database) => Promise<unknown>): Promise<string[]> {
  const queries: string[] = [];
  const db = createDatabase(testDatabase.url, { onQuery: (sql) => queries.push(sql) });
  try {
    await action(db);
  } finally {
    await db.$disconnect();
  }
  return queries;
}

describe("listExercisesWithDefinitions", () => {
  test("returns each exercise's newest version", async () => {
    await addExercise("second", 2, 3);
    await addExercise("first", 1, 1);
    await addExercise("hidden", 3, 2, "hidden");
    await addExercise("empty", 4, 0);

    const visible = await listExercisesWithDefinitions(testDatabase.db, "c1", {
      includeHidden: false,
    });
    const all = await listExercisesWithDefinitions(testDatabase.db, "c1", { includeHidden: true });

    const definitions = (rows: typeof all) =>
      rows.map((row) => [row.slug, row.version.number, row.version.definition]);
    expect(definitions(visible)).toEqual([
      ["first", 1, "first v1"],
      ["second", 3, "second v3"],
    ]);
    expect(definitions(all)).toEqual([
      ["first", 1, "first v1"],
      ["second", 3, "second v3"],
      ["hidden", 2, "hidden v2"],
    ]);
  });

  test("returns an empty list for a course without exercises", async () => {
    const rows = await listExercisesWithDefinitions(testDatabase.db, "c1", { includeHidden: true });

    expect(rows).toEqual([]);
  });

  test("runs three queries for any number of exercises", async () => {
    await addExercise("one", 1, 2);
    const list = (db: Database) => listExercisesWithDefinitions(db, "c1", { includeHidden: true });
    const few = await recordQueries(list);
    for (let index = 2; index <= 12; index++) {
      await addExercise(`more-${index}`, index, 2);
    }

    const many = await recordQueries(list);

    expect(few).toHaveLength(3);
    expect(many).toHaveLength(3);
  });
});
