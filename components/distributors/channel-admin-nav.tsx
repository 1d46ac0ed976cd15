import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/admin/channels", key: "assignments" },
  { href: "/admin/channels/products", key: "products" },
  { href: "/admin/channels/selection", key: "selection" },
  { href: "/admin/channels/scorecards", key: "scorecards" },
] as const;

/** The channel administration's sub-navigation (channel managers, products, selection model, scorecards). */
export async function ChannelAdminNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  const t = await getTranslations("distributors.assignments");
  return (
    <nav aria-label={t("nav")}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.href === current ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                l.href === current
                  ? "border-indigo-600 text-indigo-800"
                  : "border-transparent text-slate-700 hover:text-indigo-800",
              )}
            >
              {t(`links.${l.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
