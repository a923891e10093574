// The import report as the CLI prints it.
import { type ImportReport, REPORT_KINDS, type ReportKind } from "@/lib/porting/import";

const LABELS: Record<ReportKind, string> = {
  users: "users",
  entries: "entries",
  revisions: "revisions",
  statusChanges: "status changes",
  votes: "votes",
};
const FORMAT_NAMES: Record<ImportReport["format"], string> = {
  "hivebrain-export": "HiveBrain export",
  "hivebrain-original": "original HiveBrain entries",
  "hivebrain-original-sqlite": "the original HiveBrain's SQLite database",
};

const counted = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function formatImportReport(report: ImportReport): string {
  const rows = [
    ["", "created", "already present", "invalid"],
    ...REPORT_KINDS.map((kind) => [LABELS[kind], ...Object.values(report[kind]).map(String)]),
  ];
  const width = (column: number) => Math.max(...rows.map((row) => row[column]?.length ?? 0));
  const table = rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(width(column)) : cell.padStart(width(column))))
      .join("  ")
      .trimEnd(),
  );
  const lines = [`Format: ${FORMAT_NAMES[report.format]}`, ...table, `tags: ${report.tagsCreated} new`];
  if (report.rolesIgnored > 0)
    lines.push(
      `roles: ${report.rolesIgnored} role assignment${report.rolesIgnored === 1 ? "" : "s"} in the file ignored; the users were created as plain users (--import-roles keeps them)`,
    );
  if (report.undated > 0)
    lines.push(`dates: ${counted(report.undated, "entry", "entries")} had no created_at; dated at import`);
  const votes = report.anonymousVotes;
  if (votes.entries > 0)
    lines.push(
      `anonymous votes: ${votes.up} up, ${votes.down} down on ${counted(votes.entries, "entry", "entries")}, counted in their scores`,
    );
  if (report.unmapped.length > 0) {
    lines.push("", "Not imported (no place in HiveBrain):");
    for (const item of report.unmapped) {
      const what = item.column === null ? `table ${item.table}` : `column ${item.table}.${item.column}`;
      const rows = item.column === null ? counted(item.rows, "row") : `set in ${counted(item.rows, "row")}`;
      lines.push(`  ${what}: ${rows}${item.note ? ` (${item.note})` : ""}`);
    }
  }
  if (report.problems.length > 0) {
    lines.push("", "Skipped (invalid; nothing of these was written):");
    for (const problem of report.problems) {
      const row = problem.rowId === undefined ? "" : ` (id ${problem.rowId})`;
      lines.push(`  ${problem.kind}[${problem.index}]${row} "${problem.title}": ${problem.message}`);
    }
  }
  return lines.join("\n");
}
