-- CreateTable
CREATE TABLE "EntryErrorKey" (
    "entryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    PRIMARY KEY ("entryId", "key"),
    CONSTRAINT "EntryErrorKey_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ErrorKeyRefresh" (
    "entryId" TEXT NOT NULL PRIMARY KEY,
    CONSTRAINT "ErrorKeyRefresh_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EntryErrorKey_key_idx" ON "EntryErrorKey"("key");

-- Full-text search (hand-written, read by lib/search/sqlite.ts).
-- EntrySearchDoc holds each entry's searchable text, one row per entry, with an integer key
-- for FTS5 (Entry's own rowid can change on VACUUM). EntrySearch indexes it as an
-- external-content FTS5 table. Triggers on Entry, EntryTag and Tag keep the documents in
-- step with every write path; triggers on EntrySearchDoc keep the FTS index in step with them.
CREATE TABLE "EntrySearchDoc" (
    "rowid" INTEGER PRIMARY KEY,
    "entryId" TEXT NOT NULL UNIQUE,
    "title" TEXT NOT NULL,
    "errors" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "body" TEXT NOT NULL
);

CREATE VIRTUAL TABLE "EntrySearch" USING fts5(
    "title", "errors", "tags", "body",
    content = 'EntrySearchDoc', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "EntrySearchDoc_fts_insert" AFTER INSERT ON "EntrySearchDoc" BEGIN
    INSERT INTO "EntrySearch" ("rowid", "title", "errors", "tags", "body") VALUES (new."rowid", new."title", new."errors", new."tags", new."body");
END;

CREATE TRIGGER "EntrySearchDoc_fts_delete" AFTER DELETE ON "EntrySearchDoc" BEGIN
    INSERT INTO "EntrySearch" ("EntrySearch", "rowid", "title", "errors", "tags", "body") VALUES ('delete', old."rowid", old."title", old."errors", old."tags", old."body");
END;

CREATE TRIGGER "EntrySearchDoc_fts_update" AFTER UPDATE ON "EntrySearchDoc" BEGIN
    INSERT INTO "EntrySearch" ("EntrySearch", "rowid", "title", "errors", "tags", "body") VALUES ('delete', old."rowid", old."title", old."errors", old."tags", old."body");
    INSERT INTO "EntrySearch" ("rowid", "title", "errors", "tags", "body") VALUES (new."rowid", new."title", new."errors", new."tags", new."body");
END;

CREATE TRIGGER "Entry_search_insert" AFTER INSERT ON "Entry" BEGIN
    INSERT INTO "EntrySearchDoc" ("entryId", "title", "errors", "tags", "body") VALUES (
        new."id",
        new."title",
        coalesce((SELECT group_concat("value", char(10)) FROM json_each(new."errorMessages")), ''),
        coalesce((SELECT group_concat(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = new."id"), ''),
        new."problem" || char(10) || new."solution" || char(10) || new."why" || char(10) || new."context" || char(10) ||
            coalesce((SELECT group_concat("value", char(10)) FROM json_each(new."gotchas")), '')
    );
    INSERT OR IGNORE INTO "ErrorKeyRefresh" ("entryId") VALUES (new."id");
END;

CREATE TRIGGER "Entry_search_update" AFTER UPDATE OF "title", "problem", "solution", "why", "context", "gotchas", "errorMessages" ON "Entry" BEGIN
    UPDATE "EntrySearchDoc" SET
        "title" = new."title",
        "errors" = coalesce((SELECT group_concat("value", char(10)) FROM json_each(new."errorMessages")), ''),
        "body" = new."problem" || char(10) || new."solution" || char(10) || new."why" || char(10) || new."context" || char(10) ||
            coalesce((SELECT group_concat("value", char(10)) FROM json_each(new."gotchas")), '')
    WHERE "entryId" = new."id";
END;

CREATE TRIGGER "Entry_error_keys_update" AFTER UPDATE OF "errorMessages" ON "Entry" WHEN old."errorMessages" IS NOT new."errorMessages" BEGIN
    DELETE FROM "EntryErrorKey" WHERE "entryId" = new."id";
    INSERT OR IGNORE INTO "ErrorKeyRefresh" ("entryId") VALUES (new."id");
END;

CREATE TRIGGER "Entry_search_delete" AFTER DELETE ON "Entry" BEGIN
    DELETE FROM "EntrySearchDoc" WHERE "entryId" = old."id";
END;

CREATE TRIGGER "EntryTag_search_insert" AFTER INSERT ON "EntryTag" BEGIN
    UPDATE "EntrySearchDoc" SET "tags" = coalesce((SELECT group_concat(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = new."entryId"), '')
    WHERE "entryId" = new."entryId";
END;

CREATE TRIGGER "EntryTag_search_delete" AFTER DELETE ON "EntryTag" BEGIN
    UPDATE "EntrySearchDoc" SET "tags" = coalesce((SELECT group_concat(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = old."entryId"), '')
    WHERE "entryId" = old."entryId";
END;

CREATE TRIGGER "Tag_search_rename" AFTER UPDATE OF "name" ON "Tag" BEGIN
    UPDATE "EntrySearchDoc" SET "tags" = coalesce((SELECT group_concat(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = "EntrySearchDoc"."entryId"), '')
    WHERE "entryId" IN (SELECT "entryId" FROM "EntryTag" WHERE "tagId" = new."id");
END;

-- Entries that existed before this migration.
INSERT INTO "EntrySearchDoc" ("entryId", "title", "errors", "tags", "body")
SELECT e."id", e."title",
    coalesce((SELECT group_concat("value", char(10)) FROM json_each(e."errorMessages")), ''),
    coalesce((SELECT group_concat(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id"), ''),
    e."problem" || char(10) || e."solution" || char(10) || e."why" || char(10) || e."context" || char(10) ||
        coalesce((SELECT group_concat("value", char(10)) FROM json_each(e."gotchas")), '')
FROM "Entry" e;
INSERT OR IGNORE INTO "ErrorKeyRefresh" ("entryId") SELECT "id" FROM "Entry";
