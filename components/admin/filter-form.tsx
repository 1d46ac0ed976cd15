import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Button, buttonClass } from "@/components/ui/button";

/** A GET form for list filters: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export async function FilterForm({
  action,
  label,
  children,
}: {
  action: string;
  label: string;
  children: ReactNode;
}) {
  const t = await getTranslations("common");
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      {children}
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" size="sm">
          {t("filter")}
        </Button>
        <Link href={action} className={buttonClass("ghost", "sm")}>
          {t("clearFilters")}
        </Link>
      </div>
    </form>
  );
}
