import { providerOf, type Database } from "../client";
import type { Prisma } from "../generated/prisma/client";

/** Result of {@link moveExercise}. */
export type MoveExerciseResult =
  | { status: "moved" }
  /** The exercise is first or last already, so it cannot move that way. */
  | { status: "at-end" }
  | { status: "not-found" };

/**
 * Moves an exercise one place up or down in its course's order by swapping it with its
 * neighbour. The whole order is stored again as 0, 1, 2, …, so gaps or ties that imports leave
 * in the positions cannot make a swap change nothing. On PostgreSQL the course row is locked
 * first, as `lockCourseOrder` explains.
 */
export async function moveExercise(
  db: Database,
  courseId: string,
  exerciseSlug: string,
  direction: "up" | "down",
): Promise<MoveExerciseResult> {
  const lock = providerOf(db) === "postgresql";
  return db.$transaction(async (tx) => {
    if (lock) {
      await lockCourseOrder(tx, courseId);
    }
    const ordered = await listPositions(tx, courseId);
    const index = ordered.findIndex((row) => row.slug === exerciseSlug);
    if (index === -1) {
      return { status: "not-found" };
    }
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= ordered.length) {
      return { status: "at-end" };
    }

    const reordered = [...ordered];
    [reordered[index], reordered[target]] = [ordered[target], ordered[index]] as [Row, Row];
    await writePositions(tx, reordered);
    return { status: "moved" };
  });
}

/** Result of {@link deleteExercise}. */
export type DeleteExerciseResult =
  | { status: "deleted" }
  /** The exercise has attempts, which deleting would delete too, so hide it instead. */
  | { status: "has-attempts"; attempts: number }
  | { status: "not-found" };

/**
 * Deletes an exercise that has no attempts, with its versions. An exercise with attempts is kept,
 * because deleting it would delete the attempts (the foreign keys cascade).
 *
 * On PostgreSQL the course row is locked first, as `lockCourseOrder` explains, and then the
 * exercise row FOR UPDATE. That lock conflicts with the lock an
 * attempt's insert takes on the row it references, so an attempt stored meanwhile is counted, and
 * a later one waits and then fails on the missing exercise instead of being deleted. On SQLite
 * the transaction holds the database's write lock for its writes, and a write after another
 * connection's commit fails rather than deleting what it did not read.
 */
export async function deleteExercise(
  db: Database,
  courseId: string,
  exerciseSlug: string,
): Promise<DeleteExerciseResult> {
  const lock = providerOf(db) === "postgresql";
  return db.$transaction(async (tx) => {
    if (lock) {
      await lockCourseOrder(tx, courseId);
    }
    const exercise = await tx.exercise.findUnique({
      where: { courseId_slug: { courseId, slug: exerciseSlug } },
      select: { id: true },
    });
    if (exercise === null) {
      return { status: "not-found" };
    }
    if (lock) {
      await tx.$queryRaw`SELECT "id" FROM "exercise" WHERE "id" = ${exercise.id} FOR UPDATE`;
    }
    const attempts = await tx.attempt.count({ where: { exerciseId: exercise.id } });
    if (attempts > 0) {
      return { status: "has-attempts", attempts };
    }
    await tx.exercise.delete({ where: { id: exercise.id } });
    await writePositions(tx, await listPositions(tx, courseId));
    return { status: "deleted" };
  });
}

/**
 * Locks a course's row FOR UPDATE before its exercises are renumbered. Renumbering updates
 * exercise rows in course order, while an import locks them all in id order. With the course row
 * locked first by both, one waits for the other instead of the two deadlocking.
 */
async function lockCourseOrder(tx: Prisma.TransactionClient, courseId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "course" WHERE "id" = ${courseId} FOR UPDATE`;
}

/** An exercise's id, its exercise id in the course and its stored position. */
interface Row {
  id: string;
  slug: string;
  position: number;
}

/** Lists a course's exercises in course order. */
function listPositions(tx: Prisma.TransactionClient, courseId: string): Promise<Row[]> {
  return tx.exercise.findMany({
    where: { courseId },
    select: { id: true, slug: true, position: true },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
  });
}

/** Stores positions 0, 1, 2, … in the given order, writing only the rows that change. */
async function writePositions(tx: Prisma.TransactionClient, rows: Row[]): Promise<void> {
  for (const [position, row] of rows.entries()) {
    if (row.position !== position) {
      await tx.exercise.update({ where: { id: row.id }, data: { position } });
    }
  }
}
