-- CreateIndex
CREATE INDEX "attempt_createdAt_id_idx" ON "attempt"("createdAt", "id");

-- CreateIndex
CREATE INDEX "attempt_exerciseId_createdAt_id_idx" ON "attempt"("exerciseId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "attempt_exerciseId_verdict_createdAt_id_idx" ON "attempt"("exerciseId", "verdict", "createdAt", "id");

