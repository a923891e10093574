-- CreateTable
CREATE TABLE "EntryErrorKey" (
    "entryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "EntryErrorKey_pkey" PRIMARY KEY ("entryId","key")
);

-- CreateTable
CREATE TABLE "ErrorKeyRefresh" (
    "entryId" TEXT NOT NULL,

    CONSTRAINT "ErrorKeyRefresh_pkey" PRIMARY KEY ("entryId")
);

-- CreateIndex
CREATE INDEX "EntryErrorKey_key_idx" ON "EntryErrorKey"("key");

-- AddForeignKey
ALTER TABLE "EntryErrorKey" ADD CONSTRAINT "EntryErrorKey_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorKeyRefresh" ADD CONSTRAINT "ErrorKeyRefresh_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "Entry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (hand-written, read by lib/search/postgres.ts).
-- One tsvector per entry: title and error messages weigh most (A), tags next (B), the body
-- least (D). Triggers on Entry, EntryTag and Tag keep it in step with every write path.
CREATE TABLE "EntrySearch" (
    "entryId" TEXT NOT NULL PRIMARY KEY REFERENCES "Entry" ("id") ON DELETE CASCADE,
    "document" tsvector NOT NULL
);

CREATE INDEX "EntrySearch_document_idx" ON "EntrySearch" USING GIN ("document");

CREATE FUNCTION hivebrain_json_text(items jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(string_agg(item, E'\n'), '') FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(items) = 'array' THEN items ELSE '[]'::jsonb END) AS item
$$;

CREATE FUNCTION hivebrain_refresh_entry_search(entry_id text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "EntrySearch" ("entryId", "document")
    SELECT e."id",
        setweight(to_tsvector('english', e."title"), 'A') ||
        setweight(to_tsvector('english', hivebrain_json_text(e."errorMessages")), 'A') ||
        setweight(to_tsvector('english', coalesce((SELECT string_agg(t."name", ' ') FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id"), '')), 'B') ||
        setweight(to_tsvector('english', e."problem" || E'\n' || e."solution" || E'\n' || e."why" || E'\n' || e."context" || E'\n' || hivebrain_json_text(e."gotchas")), 'D')
    FROM "Entry" e WHERE e."id" = entry_id
    ON CONFLICT ("entryId") DO UPDATE SET "document" = EXCLUDED."document"
$$;

CREATE FUNCTION hivebrain_entry_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hivebrain_refresh_entry_search(NEW."id");
    IF TG_OP = 'INSERT' OR OLD."errorMessages" IS DISTINCT FROM NEW."errorMessages" THEN
        DELETE FROM "EntryErrorKey" WHERE "entryId" = NEW."id";
        INSERT INTO "ErrorKeyRefresh" ("entryId") VALUES (NEW."id") ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "Entry_search_insert" AFTER INSERT ON "Entry"
    FOR EACH ROW EXECUTE FUNCTION hivebrain_entry_search_trigger();
CREATE TRIGGER "Entry_search_update" AFTER UPDATE OF "title", "problem", "solution", "why", "context", "gotchas", "errorMessages" ON "Entry"
    FOR EACH ROW EXECUTE FUNCTION hivebrain_entry_search_trigger();

CREATE FUNCTION hivebrain_entry_tag_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hivebrain_refresh_entry_search(CASE WHEN TG_OP = 'DELETE' THEN OLD."entryId" ELSE NEW."entryId" END);
    RETURN NULL;
END
$$;

CREATE TRIGGER "EntryTag_search" AFTER INSERT OR DELETE ON "EntryTag"
    FOR EACH ROW EXECUTE FUNCTION hivebrain_entry_tag_search_trigger();

CREATE FUNCTION hivebrain_tag_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hivebrain_refresh_entry_search(et."entryId") FROM "EntryTag" et WHERE et."tagId" = NEW."id";
    RETURN NULL;
END
$$;

CREATE TRIGGER "Tag_search_rename" AFTER UPDATE OF "name" ON "Tag"
    FOR EACH ROW EXECUTE FUNCTION hivebrain_tag_search_trigger();

-- Entries that existed before this migration.
SELECT hivebrain_refresh_entry_search("id") FROM "Entry";
INSERT INTO "ErrorKeyRefresh" ("entryId") SELECT "id" FROM "Entry" ON CONFLICT DO NOTHING;
