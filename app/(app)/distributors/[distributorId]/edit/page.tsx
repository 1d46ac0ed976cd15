import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistributorForm } from "@/components/distributors/distributor-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireViewer } from "@/lib/auth/viewer";
import { getDistributor } from "@/lib/data/distributors/detail";
import { fromDbDate } from "@/lib/domain/calendar";
import { fenToYuanInput } from "@/lib/domain/money";
import { isAppError } from "@/lib/errors";
import { updateDistributorAction } from "../../actions";
import { distributorFormProps } from "../../_components/form-props";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributors");
  return { title: t("detail.edit") };
}

/** Edits a distributor's profile and coverage (with the version seen: a stale save is refused). */
export default async function EditDistributorPage({
  params,
}: {
  params: Promise<{ distributorId: string }>;
}) {
  const viewer = await requireViewer();
  const { distributorId } = await params;
  const d = await getDistributor(viewer, distributorId).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  if (!d.can.edit) notFound();
  const [t, props] = await Promise.all([
    getTranslations("distributors"),
    distributorFormProps(viewer, "save"),
  ]);
  // Coverage outside the viewer's choices stays as it is (a manager's wider territories).
  const known = new Set(props.territories.map((tr) => tr.value));
  const extra = d.coverage.filter((c) => !known.has(c.territory.id));
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("form.editTitle", { name: d.name })} />
      <Card className="p-4">
        <DistributorForm
          action={updateDistributorAction}
          record={{ id: d.id, version: d.version }}
          {...props}
          territories={[
            ...props.territories,
            ...extra.map((c) => ({
              value: c.territory.id,
              label: viewer.locale === "zh-CN" ? c.territory.name : c.territory.nameEn,
              depth: 0,
              coversLabel: t("form.covers", { name: c.territory.name }),
              exclusiveLabel: t("form.exclusiveIn", { name: c.territory.name }),
            })),
          ]}
          values={{
            name: d.name,
            creditCode: d.creditCode ?? "",
            kind: d.kind,
            model: d.model ?? "",
            legalRepresentative: d.legalRepresentative ?? "",
            registeredCapital: fenToYuanInput(d.registeredCapital),
            foundedOn: d.foundedOn ? fromDbDate(d.foundedOn) : "",
            address: d.address ?? "",
            territoryId: d.territoryId,
            ownerId: d.ownerId,
            employees: d.employees === null ? "" : String(d.employees),
            annualSales: fenToYuanInput(d.annualSales),
            shareholderBackground: d.shareholderBackground ?? "",
            organisation: d.organisation ?? "",
            localStrength: d.localStrength ?? "",
            industryStanding: d.industryStanding ?? "",
            coverage: d.coverage.map((c) => c.territory.id),
            exclusive: d.coverage.filter((c) => c.exclusive).map((c) => c.territory.id),
          }}
        />
      </Card>
    </div>
  );
}
