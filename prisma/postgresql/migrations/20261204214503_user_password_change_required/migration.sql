-- AlterTable
ALTER TABLE "user" ADD COLUMN     "passwordChangeRequired" BOOLEAN NOT NULL DEFAULT false;

