"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { cn } from "@/components/ui/cn";

export type NavItem = { href: string; label: string };
export type NavSection = { label?: string; items: NavItem[] };

function matches(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The one entry for this page: the longest matching link (/accounts/segments over /accounts). */
function currentHref(pathname: string, sections: NavSection[]): string | undefined {
  return sections
    .flatMap((s) => s.items.map((i) => i.href))
    .filter((href) => matches(pathname, href))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavLinks({ sections, onNavigate }: { sections: NavSection[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const active = currentHref(pathname, sections);
  return (
    <div className="space-y-5">
      {sections.map((section, i) => (
        <div key={section.label ?? i}>
          {section.label ? (
            <div className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {section.label}
            </div>
          ) : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const current = item.href === active;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    // Every page behind the sidebar is rendered per user on the server: prefetching
                    // ~40 links as they scroll into view cost one server render each on every page
                    // view. Prefetch only the link a person reaches for (pointer or keyboard).
                    prefetch={false}
                    onMouseEnter={() => router.prefetch(item.href)}
                    onFocus={() => router.prefetch(item.href)}
                    onClick={onNavigate}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "flex min-h-11 items-center rounded-md px-3 py-2 text-sm lg:block lg:min-h-0 font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
                      current ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
