-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "api_rate_limit";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "api_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "api_request_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "api_token" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "api_request_tokenId_at_idx" ON "api_request"("tokenId", "at");

