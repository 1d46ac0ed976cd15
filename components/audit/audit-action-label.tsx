import { getTranslations } from "next-intl/server";

/** "account.update" → "Account changed" / "修改客户"; unknown codes show as they are. */
export async function AuditActionLabel({ action }: { action: string }) {
  const t = await getTranslations("auditActions");
  const key = action.replaceAll(".", "_");
  return <>{t.has(key) ? t(key) : action}</>;
}
