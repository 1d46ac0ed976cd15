import "server-only";
import { getTranslations } from "next-intl/server";
import type { LedgerLineForm } from "./line-form";

type Labels = Parameters<typeof LedgerLineForm>[0]["labels"];

/** The line form's strings in the viewer's language (client components get them as props). */
export async function ledgerFormLabels(formTitle: string): Promise<Labels> {
  const t = await getTranslations("ledger");
  return {
    formTitle,
    kind: t("fields.kind"),
    documentNo: t("fields.documentNo"),
    documentNoHint: t("form.documentNoHint"),
    account: t("fields.accountName"),
    chooseAccount: t("form.chooseAccount"),
    month: t("fields.month"),
    monthHint: t("form.monthHint"),
    productLine: t("fields.productLine"),
    amount: t("fields.amount"),
    amountHint: t("form.amountHint"),
    note: t("fields.note"),
    save: t("form.save"),
    kinds: { REVENUE: t("kinds.REVENUE"), COLLECTION: t("kinds.COLLECTION") },
  };
}
