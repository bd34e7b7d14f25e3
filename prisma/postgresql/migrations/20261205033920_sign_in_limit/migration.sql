-- CreateTable
CREATE TABLE "sign_in_key" (
    "key" TEXT NOT NULL,
    "lastAttemptAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_key_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "sign_in_failure" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sign_in_failure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sign_in_key_lastAttemptAt_idx" ON "sign_in_key"("lastAttemptAt");

-- CreateIndex
CREATE INDEX "sign_in_failure_key_at_idx" ON "sign_in_failure"("key", "at");

-- AddForeignKey
ALTER TABLE "sign_in_failure" ADD CONSTRAINT "sign_in_failure_key_fkey" FOREIGN KEY ("key") REFERENCES "sign_in_key"("key") ON DELETE CASCADE ON UPDATE CASCADE;

