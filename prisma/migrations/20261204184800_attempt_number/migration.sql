-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_attempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "exerciseVersionId" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "feedback" TEXT NOT NULL,
    "gradingMs" INTEGER NOT NULL,
    "submissionHash" TEXT NOT NULL,
    "attemptNumber" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "attempt_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "attempt_exerciseVersionId_fkey" FOREIGN KEY ("exerciseVersionId") REFERENCES "exercise_version" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Existing attempts are numbered per student and exercise in the order they were stored.
INSERT INTO "new_attempt" ("createdAt", "exerciseId", "exerciseVersionId", "feedback", "gradingMs", "id", "network", "raw", "score", "submissionHash", "userId", "verdict", "attemptNumber") SELECT "createdAt", "exerciseId", "exerciseVersionId", "feedback", "gradingMs", "id", "network", "raw", "score", "submissionHash", "userId", "verdict", ROW_NUMBER() OVER (PARTITION BY "userId", "exerciseId" ORDER BY "createdAt", "id") FROM "attempt";
DROP TABLE "attempt";
ALTER TABLE "new_attempt" RENAME TO "attempt";
CREATE INDEX "attempt_userId_exerciseId_createdAt_idx" ON "attempt"("userId", "exerciseId", "createdAt");
CREATE INDEX "attempt_exerciseVersionId_idx" ON "attempt"("exerciseVersionId");
CREATE UNIQUE INDEX "attempt_userId_exerciseId_submissionHash_key" ON "attempt"("userId", "exerciseId", "submissionHash");
CREATE UNIQUE INDEX "attempt_userId_exerciseId_attemptNumber_key" ON "attempt"("userId", "exerciseId", "attemptNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

