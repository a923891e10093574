-- DropIndex
DROP INDEX "Entry_createdAt_idx";

-- DropIndex
DROP INDEX "Entry_score_createdAt_idx";

-- DropIndex
DROP INDEX "Entry_viewCount_createdAt_idx";

-- CreateIndex
CREATE INDEX "Entry_createdAt_id_idx" ON "Entry"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Entry_score_createdAt_id_idx" ON "Entry"("score", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Entry_viewCount_createdAt_id_idx" ON "Entry"("viewCount", "createdAt", "id");
