import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { AgreementTerms, TermChange } from "@/lib/domain/channel-agreements";
import { moneyText, percentText } from "./bits";

type Names = {
  products: Map<string, { name: string; nameEn: string; unit: string; listPrice: bigint }>;
  territories: Map<string, { name: string; nameEn: string }>;
};

const MONEY_FIELDS = new Set(["annualTarget", "marketSupportFund", "deposit", "creditLimit"]);

/** One version's terms, read-only: the figures, the rebate bands and the products with floor prices. */
export async function TermsView({ terms, names }: { terms: AgreementTerms; names: Names }) {
  const [t, locale] = await Promise.all([getTranslations("channelAgreements"), getLocale()]);
  const zh = locale === "zh-CN";
  const money = moneyText(locale);
  const territory = terms.territoryId ? names.territories.get(terms.territoryId) : null;
  const rows: [string, string][] = [
    [t("fields.term"), `${terms.startsOn} – ${terms.endsOn}`],
    [t("fields.territory"), territory ? (zh ? territory.name : territory.nameEn) : "—"],
    [t("fields.annualTarget"), money(terms.annualTarget)],
    [t("fields.quarterlyTargets"), terms.quarterlyTargets.map((q) => money(q)).join(" / ")],
    [t("fields.discount"), percentText(terms.discountBp)],
    [t("fields.marketSupportFund"), money(terms.marketSupportFund)],
    [t("fields.deposit"), money(terms.deposit)],
    [t("fields.paymentTermDays"), t("days", { n: terms.paymentTermDays })],
    [t("fields.creditLimit"), money(terms.creditLimit)],
  ];
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([k, v]) => (
          <div key={k} className="min-w-0">
            <dt className="text-slate-600">{k}</dt>
            <dd className="font-medium break-words text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-800">
          {t("form.rebates")} · {t(`period.${terms.rebateRules.period}`)}
        </h3>
        <Table caption={t("form.rebates")}>
          <thead>
            <tr>
              <Th>{t("fields.bandFrom")}</Th>
              <Th>{t("fields.bandRate")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {terms.rebateRules.bands.map((b) => (
              <tr key={b.fromBp}>
                <Td>≥ {percentText(b.fromBp)}</Td>
                <Td>{percentText(b.rateBp)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold text-slate-800">{t("form.products")}</h3>
        <Table caption={t("form.products")}>
          <thead>
            <tr>
              <Th>{t("fields.product")}</Th>
              <Th className="text-right">{t("fields.listPrice")}</Th>
              <Th className="text-right">{t("fields.floorPrice")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {terms.products.map((p) => {
              const prod = names.products.get(p.productId);
              return (
                <tr key={p.productId}>
                  <Td>{prod ? (zh ? prod.name : prod.nameEn) : p.productId}</Td>
                  <Td className="text-right">{prod ? money(prod.listPrice) : ""}</Td>
                  <Td className="text-right">{p.floorPrice === null ? "—" : money(p.floorPrice)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </div>
    </div>
  );
}

/** What a version changed from the one before, one line per change. */
export async function ChangeList({ changes, names }: { changes: TermChange[]; names: Names }) {
  const [t, locale] = await Promise.all([getTranslations("channelAgreements"), getLocale()]);
  const zh = locale === "zh-CN";
  const money = moneyText(locale);
  const product = (id: string) => {
    const p = names.products.get(id);
    return p ? (zh ? p.name : p.nameEn) : id;
  };
  const value = (field: string, v: string | null) => {
    if (v === null || v === "") return "—";
    if (MONEY_FIELDS.has(field)) return money(BigInt(v));
    if (field === "discountBp") return percentText(Number(v));
    if (field === "quarterlyTargets")
      return v
        .split(",")
        .map((q) => money(BigInt(q)))
        .join(" / ");
    if (field === "territoryId") {
      const x = names.territories.get(v);
      return x ? (zh ? x.name : x.nameEn) : v;
    }
    if (field === "rebateRules")
      return v
        .split(":")[1]!
        .split(",")
        .map((b) =>
          b
            .split("/")
            .map((n) => percentText(Number(n)))
            .join(" → "),
        )
        .join("; ");
    return v;
  };
  if (!changes.length) return <p className="text-sm text-slate-600">{t("history.first")}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={t("history.changes")}>
      {changes.map((c, i) => (
        <li key={i} className="break-words">
          {c.field === "productAdded"
            ? t("history.productAdded", { name: product(c.productId) })
            : c.field === "productRemoved"
              ? t("history.productRemoved", { name: product(c.productId) })
              : c.field === "floorPrice"
                ? t("history.floorPrice", {
                    name: product(c.productId),
                    from: c.from === null ? "—" : money(BigInt(c.from)),
                    to: c.to === null ? "—" : money(BigInt(c.to)),
                  })
                : "from" in c
                  ? t("history.changed", {
                      field: t(`changeField.${c.field}`),
                      from: value(c.field, c.from),
                      to: value(c.field, c.to),
                    })
                  : null}
        </li>
      ))}
    </ul>
  );
}
