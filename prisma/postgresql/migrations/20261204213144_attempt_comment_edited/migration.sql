-- AlterTable
ALTER TABLE "attempt_comment" ADD COLUMN     "editedAt" TIMESTAMP(3);

