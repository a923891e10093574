"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";
import { OUTCOME_LABELS, type Outcome, type OutcomeCounts } from "@/lib/outcome-labels";

/**
 * What agents reported after using the entry (hivebrain_report_outcome), for its author and
 * moderators: asked for only when signed in (the route answers 401 or 403 to everyone else, and
 * then nothing shows). The page around it is static, so it loads after the page.
 */
export function AgentOutcomes({ slug }: { slug: string }) {
  const signedIn = useSession().status === "authenticated";
  const [counts, setCounts] = useState<OutcomeCounts | null>(null);
  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    fetch(`/api/entries/${encodeURIComponent(slug)}/outcomes`, { cache: "no-store", signal: controller.signal })
      .then((response) => (response.status === 200 ? (response.json() as Promise<{ counts: OutcomeCounts }>) : null))
      .then((body) => setCounts(body?.counts ?? null))
      .catch(() => {
        // A convenience for authors; the page works without it.
      });
    return () => controller.abort();
  }, [slug, signedIn]);
  if (!counts || Object.values(counts).every((count) => count === 0)) return null;
  const parts = (Object.keys(OUTCOME_LABELS) as Outcome[]).map(
    (outcome) => `${counts[outcome]} ${OUTCOME_LABELS[outcome]}`,
  );
  return (
    <span
      data-testid="agent-outcomes"
      title="Reports from coding agents that used this entry (only you and moderators see them)"
    >
      Agents: {parts.join(" · ")}
    </span>
  );
}
