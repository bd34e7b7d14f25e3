-- AlterTable
ALTER TABLE "attempt" ADD COLUMN "mistakeKey" TEXT;
ALTER TABLE "attempt" ADD COLUMN "mistakeLabel" TEXT;

-- CreateIndex
CREATE INDEX "attempt_exerciseId_verdict_mistakeKey_createdAt_id_userId_idx" ON "attempt"("exerciseId", "verdict", "mistakeKey", "createdAt", "id", "userId");

