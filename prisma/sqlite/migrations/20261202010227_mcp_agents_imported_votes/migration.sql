-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "agentClient" TEXT;

-- CreateTable
CREATE TABLE "EntryOutcome" (
    "entryId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "userId" TEXT,
    "outcome" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "agentClient" TEXT,
    "reviewedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("entryId", "tokenId"),
    CONSTRAINT "EntryOutcome_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryOutcome_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EntryOutcome_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- AlterTable (added in place: redefining Entry would drop the search triggers on it)
ALTER TABLE "Entry" ADD COLUMN "importedUpvotes" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Entry" ADD COLUMN "importedDownvotes" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "EntryOutcome_outcome_reviewedAt_updatedAt_idx" ON "EntryOutcome"("outcome", "reviewedAt", "updatedAt");
