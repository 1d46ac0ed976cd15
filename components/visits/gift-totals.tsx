import { getFormatter, getTranslations } from "next-intl/server";
import { yuan } from "@/components/deals/format";
import { Card, CardHeader } from "@/components/ui/card";

/**
 * The year's gift totals (approved and waiting gifts) for an account and each of its contacts,
 * against the admin's yearly caps — shown beside a gift request and on it (compliance).
 */
export async function GiftTotals({
  year,
  account,
  perContact,
  contacts,
  caps,
}: {
  year: number;
  account: bigint;
  perContact: Map<string, bigint>;
  contacts: { id: string; name: string }[];
  caps: { contact: bigint; account: bigint };
}) {
  const [t, format] = await Promise.all([getTranslations("visitPlans.giftTotals"), getFormatter()]);
  const money = (fen: bigint) => yuan(format, Number(fen) / 100);
  const given = contacts.filter((c) => perContact.has(c.id));
  return (
    <Card aria-label={t("title", { year })} data-testid="gift-totals">
      <CardHeader title={t("title", { year })} />
      <div className="space-y-3 p-4 text-sm">
        <p className={account > caps.account ? "font-medium text-red-800" : "text-slate-800"}>
          {t("account", { total: money(account), cap: money(caps.account) })}
        </p>
        {given.length === 0 ? (
          <p className="text-slate-600">{t("noneYet")}</p>
        ) : (
          <ul className="space-y-1">
            {given.map((c) => {
              const total = perContact.get(c.id)!;
              return (
                <li
                  key={c.id}
                  className={total > caps.contact ? "font-medium text-red-800" : "text-slate-800"}
                >
                  {t("contact", { name: c.name, total: money(total), cap: money(caps.contact) })}
                </li>
              );
            })}
          </ul>
        )}
        <p className="text-xs text-slate-600">{t("counted")}</p>
      </div>
    </Card>
  );
}
