-- Search facets and recency (hand-written, read by lib/search/postgres.ts).
-- Each entry's status, category, language and tags become lexemes of its document, so filters
-- and counts are answered by the GIN index with no join to Entry; createdAt is copied so the
-- newest matches can be found (and ordered) without one.
-- A facet lexeme is a prefix (zs status, zc category, zl language, zt tag), the value's UTF-8
-- bytes in hex and a final 0; lib/search/facets.ts builds the same ones for queries.
ALTER TABLE "EntrySearch" ADD COLUMN "createdAt" TIMESTAMP(3);

CREATE FUNCTION hivebrain_facet(prefix text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT prefix || encode(convert_to(value, 'UTF8'), 'hex') || '0'
$$;

CREATE OR REPLACE FUNCTION hivebrain_refresh_entry_search(entry_id text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO "EntrySearch" ("entryId", "createdAt", "document")
    SELECT e."id", e."createdAt",
        setweight(to_tsvector('english', e."title"), 'A') ||
        setweight(to_tsvector('english', hivebrain_json_text(e."errorMessages")), 'A') ||
        setweight(to_tsvector('english', coalesce(tags."names", '')), 'B') ||
        setweight(to_tsvector('english', e."problem" || E'\n' || e."solution" || E'\n' || e."why" || E'\n' || e."context" || E'\n' || hivebrain_json_text(e."gotchas")), 'D') ||
        array_to_tsvector(array_remove(ARRAY[hivebrain_facet('zs', e."status"), hivebrain_facet('zc', e."category"), hivebrain_facet('zl', e."language")], NULL) || tags."facets")
    FROM "Entry" e
    CROSS JOIN LATERAL (
        SELECT string_agg(t."name", ' ') AS "names", coalesce(array_agg(hivebrain_facet('zt', t."name")) FILTER (WHERE t."name" IS NOT NULL), '{}') AS "facets"
        FROM "EntryTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."entryId" = e."id"
    ) tags
    WHERE e."id" = entry_id
    ON CONFLICT ("entryId") DO UPDATE SET "createdAt" = EXCLUDED."createdAt", "document" = EXCLUDED."document"
$$;

DROP TRIGGER "Entry_search_update" ON "Entry";
CREATE TRIGGER "Entry_search_update" AFTER UPDATE OF "title", "problem", "solution", "why", "context", "gotchas", "errorMessages", "status", "category", "language", "createdAt" ON "Entry"
    FOR EACH ROW EXECUTE FUNCTION hivebrain_entry_search_trigger();

SELECT hivebrain_refresh_entry_search("id") FROM "Entry";
ALTER TABLE "EntrySearch" ALTER COLUMN "createdAt" SET NOT NULL;
CREATE INDEX "EntrySearch_createdAt_idx" ON "EntrySearch" ("createdAt", "entryId");
