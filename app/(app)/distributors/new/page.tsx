import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DistributorForm } from "@/components/distributors/distributor-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { assertCapability } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { createDistributorAction } from "../actions";
import { distributorFormProps } from "../_components/form-props";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributors");
  return { title: t("form.newTitle") };
}

/** 新建经销商: a prospect on the recruitment board, owned by the person creating it. */
export default async function NewDistributorPage() {
  const viewer = await requireViewer();
  assertCapability(viewer, "channel.write");
  const [t, props] = await Promise.all([
    getTranslations("distributors"),
    distributorFormProps(viewer, "create"),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title={t("form.newTitle")} description={t("form.newSubtitle")} />
      <Card className="p-4">
        <DistributorForm action={createDistributorAction} values={{ kind: "DEALER" }} {...props} />
      </Card>
    </div>
  );
}
