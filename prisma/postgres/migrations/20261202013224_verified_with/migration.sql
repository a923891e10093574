-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "verifiedOn" TEXT,
ADD COLUMN     "verifiedWith" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "verifiedWith" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "Entry_status_verifiedOn_idx" ON "Entry"("status", "verifiedOn");
