import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { key: "dashboard", href: "/receivables" },
  { key: "invoices", href: "/receivables/invoices" },
  { key: "newPayment", href: "/receivables/payments/new" },
  { key: "credit", href: "/receivables/credit" },
] as const;

/** The receivables pages as tabs (wrapping on a phone rather than scrolling sideways). */
export async function ReceivablesNav({ current }: { current: (typeof LINKS)[number]["key"] }) {
  const t = await getTranslations("receivables.nav");
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-wrap gap-1 border-b border-slate-200">
        {LINKS.map((l) => (
          <li key={l.key}>
            <Link
              href={l.href}
              aria-current={current === l.key ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                current === l.key
                  ? "border-indigo-600 text-indigo-800"
                  : "border-transparent text-slate-700 hover:text-indigo-800",
              )}
            >
              {t(l.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
