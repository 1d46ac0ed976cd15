import { getTranslations } from "next-intl/server";
import type { AccountDetail } from "@/lib/data/accounts";
import { RefActionForm } from "@/components/admin/ref-action-form";
import { Card, CardHeader } from "@/components/ui/card";
import { deleteAccountAction } from "../actions";

/**
 * Delete the account, for those allowed to. Soft: it keeps its contacts and history, and a manager
 * can restore it (from the banner at the top of the page).
 */
export async function DangerSection({ account, canDelete }: { account: AccountDetail; canDelete: boolean }) {
  if (!canDelete) return null;
  const t = await getTranslations("accountPage.danger");
  return (
    <section aria-labelledby="danger-heading">
      <Card className="border-red-200">
        <CardHeader id="danger-heading" title={t("deleteTitle")} />
        <div className="space-y-3 p-4 text-sm text-slate-700">
          <p>{t("deleteBody")}</p>
          <RefActionForm
            action={deleteAccountAction}
            id={account.id}
            version={account.version}
            buttonLabel={t("deleteButton")}
            label={t("deleteLabel", { name: account.name })}
            variant="danger"
            size="md"
          />
        </div>
      </Card>
    </section>
  );
}
