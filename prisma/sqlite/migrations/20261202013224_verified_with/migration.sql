-- AlterTable (added in place: redefining Entry would drop the search triggers on it)
ALTER TABLE "Entry" ADD COLUMN "verifiedWith" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Entry" ADD COLUMN "verifiedOn" TEXT;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "verifiedWith" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "Entry_status_verifiedOn_idx" ON "Entry"("status", "verifiedOn");
