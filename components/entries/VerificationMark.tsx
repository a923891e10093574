"use client";

import { useSyncExternalStore } from "react";
import { verificationStatus } from "@/lib/entries/verification";

const noUpdates = () => () => {};

/**
 * "Not verified recently", when the entry states no verification or its newest is older than
 * `maxAgeMonths`. Whether that holds depends on the day, and the entry page is static HTML that
 * can be served long after it was rendered (a page is re-rendered only after a change, or on
 * the first request after its 5-minute window, and that request still gets the old copy).
 * So the server's answer at render time (`staleAtRender`) is what the HTML holds, for readers
 * without JavaScript, and the browser decides again from the dates with today's date: once
 * hydrated the mark is right on any day, however old the cached page.
 */
export function VerificationMark({
  newest,
  maxAgeMonths,
  staleAtRender,
}: {
  newest: string | null;
  maxAgeMonths: number;
  staleAtRender: boolean;
}) {
  const stale = useSyncExternalStore(
    noUpdates,
    () => verificationStatus(newest, new Date(), maxAgeMonths).stale,
    () => staleAtRender,
  );
  if (!stale) return null;
  return (
    <p
      data-testid="not-verified-recently"
      className="inline-flex items-center gap-2 rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <span aria-hidden="true">⚠</span>
      <span>
        <strong className="font-semibold">Not verified recently:</strong>{" "}
        {newest
          ? `its newest verification, on ${newest}, is more than ${maxAgeMonths} months old.`
          : "it does not say what its code was run or compiled with."}
      </span>
    </p>
  );
}
