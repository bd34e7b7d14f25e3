-- DropForeignKey
ALTER TABLE "api_rate_limit" DROP CONSTRAINT "api_rate_limit_tokenId_fkey";

-- DropTable
DROP TABLE "api_rate_limit";

-- CreateTable
CREATE TABLE "api_request" (
    "id" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "api_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "api_request_tokenId_at_idx" ON "api_request"("tokenId", "at");

-- AddForeignKey
ALTER TABLE "api_request" ADD CONSTRAINT "api_request_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "api_token"("id") ON DELETE CASCADE ON UPDATE CASCADE;

