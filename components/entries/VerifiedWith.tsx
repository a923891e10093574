import { Fragment } from "react";
import { VerificationMark } from "@/components/entries/VerificationMark";
import { type Verification, verificationMaxAgeMonths, verificationStatus } from "@/lib/entries/verification";

/** "Python 3.14.0 · 2026-12-01 · @who; Node.js 20.20.2 · …", the dates as <time>. */
export function VerificationList({ verifications }: { verifications: Verification[] }) {
  return verifications.map((verification, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the entry's list in its saved order; two items can read the same
    <Fragment key={i}>
      {i > 0 && "; "}
      {/* Each part kept whole (app/components.css), the line free to break between parts: phones are 375 px wide. */}
      <span className="verification">
        <strong>{`${verification.subject} ${verification.version}`}</strong>
        {" · "}
        <time dateTime={verification.date}>{verification.date}</time>
        {verification.by && ` · ${verification.by}`}
      </span>
    </Fragment>
  ));
}

/**
 * Under an entry's title: what it was verified with and, on its page (`mark`), whether that is
 * recent. A card shows the line alone.
 */
export function VerifiedWith({ verifications, mark = false }: { verifications: Verification[]; mark?: boolean }) {
  const maxAgeMonths = verificationMaxAgeMonths();
  const { newest, stale } = verificationStatus(verifications, new Date(), maxAgeMonths);
  if (!mark && verifications.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600 dark:text-stone-300">
      {verifications.length > 0 && (
        <p data-testid="verified-with">
          Verified with <VerificationList verifications={verifications} />
        </p>
      )}
      {mark && <VerificationMark newest={newest} maxAgeMonths={maxAgeMonths} staleAtRender={stale} />}
    </div>
  );
}
