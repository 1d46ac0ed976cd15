import "server-only";
import { getTranslations } from "next-intl/server";
import type { DistributorFormText } from "@/components/distributors/distributor-form";
import { listOwnerOptions } from "@/lib/data/people";
import { listTerritoryOptions } from "@/lib/data/territories";
import { channelTerritoryIds } from "@/lib/data/distributors/scope";
import { distributorScopeOf, type Viewer } from "@/lib/domain/access";
import { DISTRIBUTOR_KINDS, DISTRIBUTOR_MODELS } from "@/lib/domain/distributors";
import { territoryLabel } from "@/lib/i18n/names";

/**
 * What the distributor form needs, for the new and edit pages: texts, choices, the territories the
 * viewer may use (a channel manager: theirs) and, for managers, the owners they may choose.
 */
export async function distributorFormProps(viewer: Viewer, submit: "create" | "save") {
  const scoped = distributorScopeOf(viewer) === "territories";
  const [t, all, mine, owners] = await Promise.all([
    getTranslations("distributors"),
    listTerritoryOptions(),
    scoped ? channelTerritoryIds(viewer) : Promise.resolve(null),
    scoped ? Promise.resolve(null) : listOwnerOptions(viewer),
  ]);
  const keep = mine ? new Set(mine) : null;
  const shown = keep ? all.filter((tr) => keep.has(tr.id)) : all;
  const minDepth = shown.length ? Math.min(...shown.map((tr) => tr.depth)) : 0;
  const fields = Object.fromEntries(
    [
      "name",
      "creditCode",
      "kind",
      "model",
      "legalRepresentative",
      "registeredCapital",
      "foundedOn",
      "address",
      "territory",
      "owner",
      "employees",
      "annualSales",
      "shareholderBackground",
      "organisation",
      "localStrength",
      "industryStanding",
    ].map((k) => [k, t(`fields.${k}` as "fields.name")]),
  );
  const text: DistributorFormText = {
    legal: t("form.legal"),
    profile: t("form.profile"),
    coverageSection: t("form.coverageSection"),
    submit: t(`form.${submit}`),
    choose: t("form.choose"),
    fields,
    hints: { money: t("hints.money"), owner: t("hints.owner"), coverage: t("hints.coverage") },
    exclusive: t("fields.exclusive"),
  };
  return {
    text,
    kinds: DISTRIBUTOR_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    models: DISTRIBUTOR_MODELS.map((k) => ({ value: k, label: t(`models.${k}`) })),
    territories: shown.map((tr) => ({
      value: tr.id,
      label: territoryLabel(tr, viewer.locale),
      depth: tr.depth - (keep ? minDepth : 0),
      coversLabel: t("form.covers", { name: territoryLabel(tr, viewer.locale) }),
      exclusiveLabel: t("form.exclusiveIn", { name: territoryLabel(tr, viewer.locale) }),
    })),
    owners: owners?.map((o) => ({ value: o.id, label: o.name })) ?? null,
  };
}
