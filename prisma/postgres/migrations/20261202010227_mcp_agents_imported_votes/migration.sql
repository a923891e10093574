-- AlterTable
ALTER TABLE "Entry" ADD COLUMN     "importedDownvotes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "importedUpvotes" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "agentClient" TEXT;

-- CreateTable
CREATE TABLE "EntryOutcome" (
    "entryId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "userId" TEXT,
    "outcome" TEXT NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "agentClient" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntryOutcome_pkey" PRIMARY KEY ("entryId","tokenId")
);

-- CreateIndex
CREATE INDEX "EntryOutcome_outcome_reviewedAt_updatedAt_idx" ON "EntryOutcome"("outcome", "reviewedAt", "updatedAt");

-- AddForeignKey
ALTER TABLE "EntryOutcome" ADD CONSTRAINT "EntryOutcome_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryOutcome" ADD CONSTRAINT "EntryOutcome_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "ApiToken"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryOutcome" ADD CONSTRAINT "EntryOutcome_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
