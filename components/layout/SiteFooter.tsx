export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-500 dark:border-stone-800 dark:text-stone-400">
      HiveBrain — a shared knowledge base of programming patterns. Content is written and reviewed by its users.
    </footer>
  );
}
