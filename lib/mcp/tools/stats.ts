// hivebrain_stats: what the knowledge base holds, as the caller may see it.
import "server-only";
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type Db, db } from "@/lib/db";
import { type Viewer, visibleTo } from "@/lib/entries/visibility";
import type { McpCaller } from "@/lib/mcp/caller";
import { listTagsWithCounts } from "@/lib/tags/store";

const RECENT_DAYS = 7;
const TOP_TAGS = 20;
const RECENT_ENTRIES = 5;

const counts = z.record(z.string(), z.number().int());

const output = z.object({
  entries: z.number().int(),
  byStatus: counts,
  byCategory: counts,
  byLanguage: counts.describe("Entries without a language are counted under 'none'."),
  topTags: z.array(z.object({ name: z.string(), entryCount: z.number().int() })),
  recent: z.object({
    days: z.number().int(),
    newEntries: z.number().int(),
    acceptedRevisions: z.number().int(),
    pendingRevisions: z.number().int(),
    latest: z.array(z.object({ slug: z.string(), title: z.string(), status: z.string(), createdAt: z.string() })),
  }),
});

export async function knowledgeBaseStats({ db, viewer, now = new Date() }: { db: Db; viewer: Viewer; now?: Date }) {
  const visible = visibleTo(viewer);
  const since = new Date(now.getTime() - RECENT_DAYS * 24 * 3600 * 1000);
  const [byStatus, byCategory, byLanguage, tags, newEntries, accepted, pending, latest] = await Promise.all([
    db.entry.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    db.entry.groupBy({ by: ["category"], where: visible, _count: { _all: true } }),
    db.entry.groupBy({ by: ["language"], where: visible, _count: { _all: true } }),
    listTagsWithCounts({ db }),
    db.entry.count({ where: { AND: [visible, { createdAt: { gte: since } }] } }),
    db.revision.count({ where: { status: "accepted", number: { gt: 0 }, createdAt: { gte: since }, entry: visible } }),
    db.revision.count({ where: { status: "pending", entry: visible } }),
    db.entry.findMany({
      where: visible,
      orderBy: { createdAt: "desc" },
      take: RECENT_ENTRIES,
      select: { slug: true, title: true, status: true, createdAt: true },
    }),
  ]);
  const tally = (rows: { _count: { _all: number } }[], key: (row: never) => string | null) =>
    Object.fromEntries(
      rows
        .map((row) => [key(row as never) ?? "none", row._count._all] as const)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    );
  return {
    entries: byStatus.reduce((sum, row) => sum + row._count._all, 0),
    byStatus: tally(byStatus, (row: { status: string }) => row.status),
    byCategory: tally(byCategory, (row: { category: string }) => row.category),
    byLanguage: tally(byLanguage, (row: { language: string | null }) => row.language),
    topTags: tags.slice(0, TOP_TAGS),
    recent: {
      days: RECENT_DAYS,
      newEntries,
      acceptedRevisions: accepted,
      pendingRevisions: pending,
      latest: latest.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    },
  };
}

export function registerStatsTool(server: McpServer, caller: McpCaller) {
  server.registerTool(
    "hivebrain_stats",
    {
      title: "HiveBrain statistics",
      description:
        "What the HiveBrain knowledge base holds: entries by status, category and language, the most used tags, and the last week's activity.",
      inputSchema: z.object({}),
      outputSchema: output,
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false, openWorldHint: false },
    },
    async () => {
      const stats = await knowledgeBaseStats({ db, viewer: caller.user });
      const line = (record: Record<string, number>) =>
        Object.entries(record)
          .map(([name, count]) => `${name} ${count}`)
          .join(", ");
      const text = [
        `${stats.entries} entries. By status: ${line(stats.byStatus)}.`,
        `By category: ${line(stats.byCategory)}.`,
        `By language: ${line(stats.byLanguage)}.`,
        `Top tags: ${stats.topTags.map((tag) => `${tag.name} (${tag.entryCount})`).join(", ")}.`,
        `Last ${stats.recent.days} days: ${stats.recent.newEntries} new entries, ${stats.recent.acceptedRevisions} accepted revisions; ${stats.recent.pendingRevisions} revisions await review.`,
      ].join("\n");
      return { content: [{ type: "text", text }], structuredContent: stats };
    },
  );
}
