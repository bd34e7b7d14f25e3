// Loads the lecture's course, and on the embedded demo database the demo accounts, into a new
// database. Run after `prisma migrate deploy`. A database that has users or courses is skipped.
// SAWTOOTH_COURSE_DIR names another course folder (with course.json and exercises/*.json).
import { createDatabase } from "../client";
import { loadCourseFolder } from "../course-files";
import { DEMO_PASSWORD } from "../demo/demo-data";
import { seedNewDatabase } from "../demo/seed";
import { isEmbeddedDatabase, resolveDatabaseUrl } from "../location";

const url = resolveDatabaseUrl();
// Demo accounts share a public password, so a database named by DATABASE_URL gets them only
// when SAWTOOTH_DEMO=1 requests them.
const demoAccounts = isEmbeddedDatabase(url) || process.env["SAWTOOTH_DEMO"] === "1";

const folder = await loadCourseFolder(process.env["SAWTOOTH_COURSE_DIR"] || undefined);
const db = createDatabase(url);
try {
  const result = await seedNewDatabase(db, { ...folder, demoAccounts });
  if (!result.seeded) {
    process.stdout.write("Database already has users or courses: demo data not loaded.\n");
  } else {
    const count = result.exerciseCount;
    const noun = count === 1 ? "exercise" : "exercises";
    process.stdout.write(`Loaded the course "${folder.course.title}" with ${count} ${noun}.\n`);
    if (result.accountEmails.length > 0) {
      process.stdout.write(
        `Demo accounts (password ${DEMO_PASSWORD}): ${result.accountEmails.join(", ")}\n`,
      );
    }
  }
} finally {
  await db.$disconnect();
}
