-- CreateTable
CREATE TABLE "DecisionTreeFeedback" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "treeKey" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "visitorKey" TEXT NOT NULL,
    "fits" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DecisionTreeFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "DecisionTreeFeedback_entryId_treeKey_outcomeId_idx" ON "DecisionTreeFeedback"("entryId", "treeKey", "outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionTreeFeedback_entryId_treeKey_outcomeId_visitorKey_key" ON "DecisionTreeFeedback"("entryId", "treeKey", "outcomeId", "visitorKey");

-- AddForeignKey
ALTER TABLE "DecisionTreeFeedback" ADD CONSTRAINT "DecisionTreeFeedback_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
