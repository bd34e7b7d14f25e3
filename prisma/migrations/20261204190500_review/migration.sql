-- AlterTable
ALTER TABLE "attempt" ADD COLUMN "overrideScore" REAL;

-- CreateTable
CREATE TABLE "attempt_comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "attempt_comment_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "attempt_comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "score_override" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "tutorId" TEXT NOT NULL,
    "oldScore" REAL NOT NULL,
    "newScore" REAL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "score_override_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "score_override_tutorId_fkey" FOREIGN KEY ("tutorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "attempt_comment_attemptId_createdAt_idx" ON "attempt_comment"("attemptId", "createdAt");

-- CreateIndex
CREATE INDEX "score_override_attemptId_createdAt_idx" ON "score_override"("attemptId", "createdAt");

