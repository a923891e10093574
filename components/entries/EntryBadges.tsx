import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { type Category, capitalize, type EntryStatus, type Severity } from "@/lib/entries/taxonomy";

const CATEGORY_TONE: Record<Category, BadgeTone> = {
  pattern: "blue",
  gotcha: "orange",
  debug: "red",
  snippet: "violet",
  guide: "green",
};
const SEVERITY_TONE: Record<Severity, BadgeTone> = { minor: "neutral", major: "orange", critical: "red" };
const STATUS_TONE: Record<EntryStatus, BadgeTone> = {
  pending: "amber",
  approved: "green",
  rejected: "red",
  archived: "neutral",
};
const STATUS_LABEL: Record<EntryStatus, string> = {
  pending: "Pending review",
  approved: "Approved",
  rejected: "Rejected",
  archived: "Archived",
};

export interface EntryBadgesProps {
  category: Category;
  language: string | null;
  framework: string | null;
  severity: Severity;
  status: EntryStatus;
}

export function EntryBadges({ category, language, framework, severity, status }: EntryBadgesProps) {
  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="entry-badges">
      <Badge tone={CATEGORY_TONE[category]} title="Category">
        {capitalize(category)}
      </Badge>
      {language && <Badge title="Language">{language}</Badge>}
      {framework && <Badge title="Framework">{framework}</Badge>}
      <Badge tone={SEVERITY_TONE[severity]} title="Severity">
        {capitalize(severity)}
      </Badge>
      <Badge tone={STATUS_TONE[status]} title="Status">
        {STATUS_LABEL[status]}
      </Badge>
    </div>
  );
}
