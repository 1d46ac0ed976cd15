import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { hrefWith } from "./search-params";

/** Previous / next links that keep the current filters; nothing when everything fits on one page. */
export async function Pagination({
  path,
  params,
  page,
  pageSize,
  total,
}: {
  path: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const [t, format] = await Promise.all([getTranslations("common"), getFormatter()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1 && page <= 1) return null;
  const link = (target: number) => hrefWith(path, { ...params, page: target > 1 ? target : undefined });
  return (
    <nav
      aria-label={t("pagination")}
      className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 px-4 py-3 text-sm"
    >
      <span className="text-slate-600">
        {page <= pages ? t("pageOf", { page: format.number(page), pages: format.number(pages) }) : null}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link
            href={link(Math.min(page - 1, pages))}
            aria-label={t("previousPage", { page: Math.min(page - 1, pages) })}
            className={buttonClass("secondary", "sm")}
          >
            {t("previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link
            href={link(page + 1)}
            aria-label={t("nextPage", { page: page + 1 })}
            className={buttonClass("secondary", "sm")}
          >
            {t("next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
