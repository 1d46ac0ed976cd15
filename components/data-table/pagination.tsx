import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type PaginationLabels = {
  navigation: string;
  previous: string;
  next: string;
  /** "Page 2 of 7" */
  status: string;
  /** Accessible name of a page link: "Page 3". */
  page: (page: number) => string;
};

/** 1 … 4 5 [6] 7 8 … 20: the first, the last and two either side of the current page. */
export function pageWindow(page: number, pages: number): (number | "gap")[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const list = [...wanted].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of list) {
    const prev = out.at(-1);
    if (typeof prev === "number" && p - prev > 1) out.push(p - prev === 2 ? p - 1 : "gap");
    out.push(p);
  }
  return out;
}

/**
 * Page links that keep the list's other URL state (the caller builds each href). Server-rendered
 * links: paging works without client JavaScript. `extra` sits at the end (e.g. a page-size choice).
 */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
  labels,
  extra,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  labels: PaginationLabels;
  extra?: ReactNode;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-3 text-sm">
      <span className="text-slate-600">{labels.status}</span>
      {pages > 1 || page > 1 ? (
        <nav aria-label={labels.navigation}>
          <ul className="flex flex-wrap items-center gap-1">
            {page > 1 ? (
              <li>
                <Link
                  href={hrefFor(Math.min(page - 1, pages))}
                  prefetch={false}
                  className={buttonClass("secondary", "sm")}
                >
                  {labels.previous}
                </Link>
              </li>
            ) : null}
            {pageWindow(Math.min(page, pages), pages).map((p, i) =>
              p === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
                  …
                </li>
              ) : (
                <li key={p}>
                  <Link
                    href={hrefFor(p)}
                    // Only "next" is prefetched: the page a person most likely opens from here.
                    prefetch={false}
                    aria-label={labels.page(p)}
                    aria-current={p === page ? "page" : undefined}
                    className={cn(
                      buttonClass(p === page ? "primary" : "ghost", "sm"),
                      "min-w-11 px-2 tabular-nums sm:min-w-8",
                    )}
                  >
                    {p}
                  </Link>
                </li>
              ),
            )}
            {page < pages ? (
              <li>
                <Link href={hrefFor(page + 1)} className={buttonClass("secondary", "sm")}>
                  {labels.next}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      {extra}
    </div>
  );
}
