-- Search facets and recency (hand-written, read by lib/search/sqlite.ts).
-- Each entry's status, category, language and tags become terms of a "facets" column, so
-- filters and counts are answered inside FTS5 with no join to Entry; createdAt is copied so
-- results can be ordered without one. Documents are re-created in createdAt order: the FTS
-- rowid then stands for recency, which bounds ranking of very common words (newest matches).
-- One view computes a document from Entry; every trigger upserts from it, so an entry keeps
-- its document row (and rowid) through edits.
DROP TRIGGER "EntrySearchDoc_fts_insert";
DROP TRIGGER "EntrySearchDoc_fts_delete";
DROP TRIGGER "EntrySearchDoc_fts_update";
DROP TRIGGER "Entry_search_insert";
DROP TRIGGER "Entry_search_update";
DROP TRIGGER "Entry_search_delete";
DROP TRIGGER "EntryTag_search_insert";
DROP TRIGGER "EntryTag_search_delete";
DROP TRIGGER "Tag_search_rename";
DROP TABLE "EntrySearch";
DROP TABLE "EntrySearchDoc";

-- A facet term is a prefix (zs status, zc category, zl language, zt tag), the value's UTF-8
-- bytes in hex and a final 0: one token for FTS5's tokenizer, which porter stemming leaves alone.
CREATE VIEW "EntrySearchSource" AS
SELECT e."id" AS "entryId", e."createdAt" AS "createdAt", e."title" AS "title",
    coalesce((SELECT group_concat("value", char(10)) FROM json_each(e."errorMessages")), '') AS "errors",
    coalesce((SELECT group_concat(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id"), '') AS "tags",
    e."problem" || char(10) || e."solution" || char(10) || e."why" || char(10) || e."context" || char(10) ||
        coalesce((SELECT group_concat("value", char(10)) FROM json_each(e."gotchas")), '') AS "body",
    'zs' || lower(hex(e."status")) || '0 zc' || lower(hex(e."category")) || '0' ||
        coalesce(' zl' || lower(hex(e."language")) || '0', '') ||
        coalesce((SELECT ' ' || group_concat('zt' || lower(hex(t."name")) || '0', ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id"), '') AS "facets"
FROM "Entry" e;

CREATE TABLE "EntrySearchDoc" (
    "rowid" INTEGER PRIMARY KEY,
    "entryId" TEXT NOT NULL UNIQUE,
    "createdAt" DATETIME NOT NULL,
    "title" TEXT NOT NULL,
    "errors" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "facets" TEXT NOT NULL
);

CREATE VIRTUAL TABLE "EntrySearch" USING fts5(
    "title", "errors", "tags", "body", "facets",
    content = 'EntrySearchDoc', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER "EntrySearchDoc_fts_insert" AFTER INSERT ON "EntrySearchDoc" BEGIN
    INSERT INTO "EntrySearch" ("rowid", "title", "errors", "tags", "body", "facets") VALUES (new."rowid", new."title", new."errors", new."tags", new."body", new."facets");
END;

CREATE TRIGGER "EntrySearchDoc_fts_delete" AFTER DELETE ON "EntrySearchDoc" BEGIN
    INSERT INTO "EntrySearch" ("EntrySearch", "rowid", "title", "errors", "tags", "body", "facets") VALUES ('delete', old."rowid", old."title", old."errors", old."tags", old."body", old."facets");
END;

CREATE TRIGGER "EntrySearchDoc_fts_update" AFTER UPDATE ON "EntrySearchDoc" BEGIN
    INSERT INTO "EntrySearch" ("EntrySearch", "rowid", "title", "errors", "tags", "body", "facets") VALUES ('delete', old."rowid", old."title", old."errors", old."tags", old."body", old."facets");
    INSERT INTO "EntrySearch" ("rowid", "title", "errors", "tags", "body", "facets") VALUES (new."rowid", new."title", new."errors", new."tags", new."body", new."facets");
END;

CREATE TRIGGER "Entry_search_insert" AFTER INSERT ON "Entry" BEGIN
    INSERT INTO "EntrySearchDoc" ("entryId", "createdAt", "title", "errors", "tags", "body", "facets")
    SELECT "entryId", "createdAt", "title", "errors", "tags", "body", "facets" FROM "EntrySearchSource" WHERE "entryId" = new."id";
    INSERT OR IGNORE INTO "ErrorKeyRefresh" ("entryId") VALUES (new."id");
END;

-- UPDATE … FROM changes a document only while its entry exists: when an entry is deleted, the
-- cascade deletes its EntryTag rows after the entry, and the view has no row left for it.
CREATE TRIGGER "Entry_search_update" AFTER UPDATE OF "title", "problem", "solution", "why", "context", "gotchas", "errorMessages", "status", "category", "language", "createdAt" ON "Entry" BEGIN
    UPDATE "EntrySearchDoc" SET "createdAt" = s."createdAt", "title" = s."title", "errors" = s."errors", "tags" = s."tags", "body" = s."body", "facets" = s."facets"
    FROM "EntrySearchSource" s WHERE s."entryId" = "EntrySearchDoc"."entryId" AND "EntrySearchDoc"."entryId" = new."id";
END;

CREATE TRIGGER "Entry_search_delete" AFTER DELETE ON "Entry" BEGIN
    DELETE FROM "EntrySearchDoc" WHERE "entryId" = old."id";
END;

CREATE TRIGGER "EntryTag_search_insert" AFTER INSERT ON "EntryTag" BEGIN
    UPDATE "EntrySearchDoc" SET "tags" = s."tags", "facets" = s."facets"
    FROM "EntrySearchSource" s WHERE s."entryId" = "EntrySearchDoc"."entryId" AND "EntrySearchDoc"."entryId" = new."entryId";
END;

CREATE TRIGGER "EntryTag_search_delete" AFTER DELETE ON "EntryTag" BEGIN
    UPDATE "EntrySearchDoc" SET "tags" = s."tags", "facets" = s."facets"
    FROM "EntrySearchSource" s WHERE s."entryId" = "EntrySearchDoc"."entryId" AND "EntrySearchDoc"."entryId" = old."entryId";
END;

CREATE TRIGGER "Tag_search_rename" AFTER UPDATE OF "name" ON "Tag" BEGIN
    UPDATE "EntrySearchDoc" SET "tags" = s."tags", "facets" = s."facets"
    FROM "EntrySearchSource" s WHERE s."entryId" = "EntrySearchDoc"."entryId"
        AND "EntrySearchDoc"."entryId" IN (SELECT "entryId" FROM "EntryTag" WHERE "tagId" = new."id");
END;

-- Every existing entry, oldest first.
INSERT INTO "EntrySearchDoc" ("entryId", "createdAt", "title", "errors", "tags", "body", "facets")
SELECT "entryId", "createdAt", "title", "errors", "tags", "body", "facets" FROM "EntrySearchSource" ORDER BY "createdAt", "entryId";
