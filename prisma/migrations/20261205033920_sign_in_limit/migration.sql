-- CreateTable
CREATE TABLE "sign_in_key" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "lastAttemptAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "sign_in_failure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "sign_in_failure_key_fkey" FOREIGN KEY ("key") REFERENCES "sign_in_key" ("key") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "sign_in_key_lastAttemptAt_idx" ON "sign_in_key"("lastAttemptAt");

-- CreateIndex
CREATE INDEX "sign_in_failure_key_at_idx" ON "sign_in_failure"("key", "at");

