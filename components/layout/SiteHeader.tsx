import Link from "next/link";
import { UserMenu } from "@/components/auth/UserMenu";
import { HiveLogo } from "@/components/layout/HiveLogo";
import { HeaderSearch } from "@/components/search/HeaderSearch";

const NAV: { href: string; label: string; className?: string }[] = [
  // The logo also leads home, so "Browse" gives way on the narrowest phones.
  { href: "/", label: "Browse", className: "hidden min-[420px]:inline" },
  { href: "/tags", label: "Tags" },
  { href: "/entries/new", label: "Submit" },
  // Phones have no room for the search box; they get a link to the search page instead.
  { href: "/search", label: "Search", className: "sm:hidden" },
];

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-stone-200 bg-white/90 backdrop-blur dark:border-stone-800 dark:bg-stone-900/90">
      {/* On a phone, a signed-in visitor's links take a second row rather than the page's width. */}
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:gap-x-6 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <HiveLogo className="h-6 w-6 text-amber-500" />
          {/* The icon alone on the narrowest phones, so the account links keep one line. */}
          <span className="sr-only min-[420px]:not-sr-only">HiveBrain</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className={`${item.className ?? ""} text-stone-600 hover:text-stone-950 dark:text-stone-300 dark:hover:text-white`}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <HeaderSearch />
        <div className="ml-auto">
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
