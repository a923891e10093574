"use client";
// The markup of a list's card. A client component only so that a list page's RSC payload carries
// each card's data (about 0.5 KiB) instead of its rendered tree (about 4 KiB): the payload comes
// inside the HTML, and twenty cards made the home page 120 KiB. It has no state; EntryCard
// prepares everything it shows on the server.
import Link from "next/link";
import { EntryBadges, type EntryBadgesProps } from "@/components/entries/EntryBadges";
import { VerificationList } from "@/components/entries/VerifiedWith";
import { Snippet } from "@/components/search/Snippet";
import { TagLinks } from "@/components/tags/TagLinks";
import type { Verification } from "@/lib/entries/verification";
import type { SnippetSegment } from "@/lib/search/snippet";

export interface CardView extends EntryBadgesProps {
  href: string;
  title: string;
  score: number;
  views: string;
  tags: string[];
  author: string;
  createdAt: string;
  createdAgo: string;
  createdOn: string;
  verifiedWith: Verification[];
  snippet?: SnippetSegment[] | null;
  exactErrorMatch?: boolean;
}

export function EntryCardView({ card }: { card: CardView }) {
  return (
    <article className="entry-card" data-testid="entry-card">
      <div className="entry-card-stats">
        <span>
          <strong>{card.score}</strong> score
        </span>
        <span>{card.views}</span>
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <EntryBadges {...card} />
        <h2 className="entry-card-title">
          <Link href={card.href}>{card.title}</Link>
        </h2>
        {card.verifiedWith.length > 0 && (
          <p className="text-sm text-stone-600 dark:text-stone-300" data-testid="verified-with">
            Verified with <VerificationList verifications={card.verifiedWith} />
          </p>
        )}
        {card.exactErrorMatch && (
          <p className="text-xs font-medium text-emerald-700 dark:text-emerald-400" data-testid="exact-error-match">
            Exact match for this error message
          </p>
        )}
        {card.snippet && <Snippet segments={card.snippet} />}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <TagLinks tags={card.tags} />
          <p className="muted-xs">
            <span className="sm:hidden">{`${card.score} score · ${card.views} · `}</span>
            {`${card.author} · `}
            <time dateTime={card.createdAt} title={card.createdOn}>
              {card.createdAgo}
            </time>
          </p>
        </div>
      </div>
    </article>
  );
}
