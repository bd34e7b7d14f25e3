-- AlterTable
ALTER TABLE "attempt_comment" ADD COLUMN "editedAt" DATETIME;

