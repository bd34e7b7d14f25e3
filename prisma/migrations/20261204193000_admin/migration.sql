-- CreateTable
CREATE TABLE "regrade_run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "exerciseId" TEXT NOT NULL,
    "exerciseVersionId" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "attemptCount" INTEGER NOT NULL,
    "changedCount" INTEGER NOT NULL,
    "clearedOverrides" INTEGER NOT NULL,
    "keptOverrides" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "regrade_run_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "regrade_run_exerciseVersionId_fkey" FOREIGN KEY ("exerciseVersionId") REFERENCES "exercise_version" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "regrade_run_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "regrade_run_exerciseId_createdAt_idx" ON "regrade_run"("exerciseId", "createdAt");

