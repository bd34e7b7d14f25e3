-- CreateTable
CREATE TABLE "regrade_run" (
    "id" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "exerciseVersionId" TEXT NOT NULL,
    "adminId" TEXT NOT NULL,
    "attemptCount" INTEGER NOT NULL,
    "changedCount" INTEGER NOT NULL,
    "clearedOverrides" INTEGER NOT NULL,
    "keptOverrides" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "regrade_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "regrade_run_exerciseId_createdAt_idx" ON "regrade_run"("exerciseId", "createdAt");

-- AddForeignKey
ALTER TABLE "regrade_run" ADD CONSTRAINT "regrade_run_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "exercise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regrade_run" ADD CONSTRAINT "regrade_run_exerciseVersionId_fkey" FOREIGN KEY ("exerciseVersionId") REFERENCES "exercise_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "regrade_run" ADD CONSTRAINT "regrade_run_adminId_fkey" FOREIGN KEY ("adminId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

