-- AlterTable
-- SQLite adds a NOT NULL column with a constant default in place, so the table is not rebuilt.
ALTER TABLE "user" ADD COLUMN "passwordChangeRequired" BOOLEAN NOT NULL DEFAULT false;
