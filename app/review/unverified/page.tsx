import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Pagination } from "@/components/entries/Pagination";
import { isModerator } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseBrowseState, type SearchParamsRecord } from "@/lib/entries/browse-params";
import { listUnverifiedEntries } from "@/lib/entries/unverified";
import { formatVerification, verificationMaxAgeMonths } from "@/lib/entries/verification";
import { entryPath } from "@/lib/entries/visibility";
import { plural } from "@/lib/format";

export const metadata: Metadata = { title: "Not verified recently" };

const PATH = "/review/unverified";

export default async function UnverifiedPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { page } = parseBrowseState(await searchParams);
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(PATH)}`);
  if (!isModerator(user)) {
    return (
      <div className="mx-auto max-w-xl space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">Not verified recently</h1>
        <p role="alert">Only moderators can see this list.</p>
      </div>
    );
  }
  const maxAgeMonths = verificationMaxAgeMonths();
  const result = await listUnverifiedEntries({ db, now: new Date(), maxAgeMonths, page });
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/review" className="text-amber-700 hover:underline dark:text-amber-400">
            ← Review queue
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Not verified recently ({result.total})</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Approved entries that do not say what their code was run or compiled with, or whose newest verification is
          older than {maxAgeMonths} months (before {result.recentSince}): those stating none first, then the oldest. Run
          an entry&rsquo;s code, then edit it to add what you ran it with, or fix what no longer works.
        </p>
      </div>
      {result.entries.length === 0 ? (
        <p className="text-stone-600 dark:text-stone-300">Every approved entry was verified recently.</p>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {result.entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-wrap items-baseline justify-between gap-2 p-3"
              data-testid="unverified-entry"
            >
              <div className="min-w-0 space-y-1">
                <Link
                  href={entryPath({ slug: entry.slug, status: "approved" })}
                  className="font-medium hover:underline"
                >
                  {entry.title}
                </Link>
                <p className="text-sm text-stone-600 dark:text-stone-300">
                  {entry.language ? `${entry.language} · ` : ""}
                  {entry.verifiedOn ? (
                    <>
                      Last verified <time dateTime={entry.verifiedOn}>{entry.verifiedOn}</time>:{" "}
                      {entry.verifiedWith.map(formatVerification).join("; ")}
                    </>
                  ) : (
                    "States no verification"
                  )}
                </p>
              </div>
              <Link
                href={`/entries/${entry.slug}/edit`}
                className="text-sm font-medium text-amber-700 hover:underline dark:text-amber-400"
                aria-label={`Edit ${entry.title}`}
              >
                Edit
              </Link>
            </li>
          ))}
        </ol>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-300">
        {plural(result.total, "entry", "entries")}, page {result.page} of {result.pageCount}.
      </p>
      <Pagination
        basePath={PATH}
        state={{ filters: { tags: [] }, sort: "newest", page: result.page }}
        pageCount={result.pageCount}
      />
    </div>
  );
}
