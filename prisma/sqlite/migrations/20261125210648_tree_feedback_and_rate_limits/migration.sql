-- CreateTable
CREATE TABLE "DecisionTreeFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "treeKey" TEXT NOT NULL,
    "outcomeId" TEXT NOT NULL,
    "visitorKey" TEXT NOT NULL,
    "fits" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DecisionTreeFeedback_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "DecisionTreeFeedback_entryId_treeKey_outcomeId_idx" ON "DecisionTreeFeedback"("entryId", "treeKey", "outcomeId");

-- CreateIndex
CREATE UNIQUE INDEX "DecisionTreeFeedback_entryId_treeKey_outcomeId_visitorKey_key" ON "DecisionTreeFeedback"("entryId", "treeKey", "outcomeId", "visitorKey");
