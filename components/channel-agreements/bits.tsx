import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { fenToYuan, moneyFormat } from "@/lib/domain/money";

export const AGREEMENT_TONE = {
  DRAFT: "warn",
  ACTIVE: "good",
  EXPIRED: "neutral",
  TERMINATED: "bad",
} as const;
export const STATEMENT_TONE = {
  DRAFT: "warn",
  SUBMITTED: "info",
  APPROVED: "good",
  REJECTED: "bad",
} as const;

export async function AgreementStatusBadge({ status }: { status: keyof typeof AGREEMENT_TONE }) {
  const t = await getTranslations("channelAgreements");
  return <Badge tone={AGREEMENT_TONE[status]}>{t(`status.${status}`)}</Badge>;
}

export async function StatementStatusBadge({ status }: { status: keyof typeof STATEMENT_TONE }) {
  const t = await getTranslations("channelAgreements");
  return <Badge tone={STATEMENT_TONE[status]}>{t(`statementStatus.${status}`)}</Badge>;
}

const SAVED =
  /^(created|signed|terminated|computed|recomputed|submitted|approved|rejected|version(\d{1,4}))$/;

/**
 * The confirmation after a save: actions redirect to the record's page with `?saved=<what>`, and
 * this shows it at the top of that page (a live region, so screen readers announce it too).
 */
export async function SavedNotice({ saved }: { saved: string | string[] | undefined }) {
  const value = typeof saved === "string" ? saved : undefined;
  const m = value ? SAVED.exec(value) : null;
  if (!m) return null;
  const t = await getTranslations("channelAgreements");
  const text = m[2] ? t("saved.version", { n: Number(m[2]) }) : t(`saved.${m[1]}`);
  return (
    <Alert tone="success" className="mb-4">
      {text}
    </Alert>
  );
}

/** Fen as money text in the person's locale (the shared money formatter). */
export function moneyText(locale: string) {
  const f = moneyFormat(locale);
  return (fen: bigint | null | undefined) => f.full(fenToYuan(fen ?? 0n) ?? 0);
}

/** Basis points as a percentage ("80%", "1.5%"). */
export const percentText = (bp: number | null | undefined) => (bp == null ? "—" : `${bp / 100}%`);
