import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-500 dark:border-stone-800 dark:text-stone-400">
      HiveBrain — a shared knowledge base of programming patterns. Content is written and reviewed by its users. ·{" "}
      <Link href="/help/decision-trees" className="underline hover:text-stone-900 dark:hover:text-stone-100">
        Writing decision trees
      </Link>
    </footer>
  );
}
