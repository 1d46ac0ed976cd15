import { getTranslations } from "next-intl/server";
import { routeHandler } from "@/lib/actions/route";
import { exportLedgerLines, type LedgerLineRow } from "@/lib/data/ledger/lines";
import { chinaDate, fromDbDate } from "@/lib/domain/calendar";
import { csvDownload } from "@/lib/http/csv-download";
import { fenToYuanInput } from "@/lib/domain/money";
import { ledgerListQuerySchema } from "@/lib/validation/ledger";

// CSV export of the ledger as filtered on the page: the same scoped filter (ledgerFilter), the same
// order, UTF-8 with a BOM for Excel, headers in the viewer's language, formula-like cells guarded
// by formatCsvRecord. Amounts in yuan as plain numbers so they sum in a spreadsheet.

export const dynamic = "force-dynamic";

export const GET = routeHandler(async (request, { viewer }) => {
  const url = new URL(request.url);
  const query = ledgerListQuerySchema.parse(Object.fromEntries(url.searchParams));
  const t = await getTranslations({ locale: viewer.locale, namespace: "ledger" });
  const header = [
    t("fields.kind"),
    t("fields.documentNo"),
    t("fields.month"),
    t("fields.accountName"),
    t("fields.creditCode"),
    t("fields.productLine"),
    t("fields.amount"),
    t("fields.owner"),
    t("fields.note"),
  ];
  const line = (l: LedgerLineRow) => [
    t(`kinds.${l.kind}`),
    l.documentNo,
    fromDbDate(l.month).slice(0, 7),
    l.account.name,
    l.account.creditCode,
    l.productLine,
    fenToYuanInput(l.amount),
    l.owner.name,
    l.note,
  ];
  return csvDownload({
    header,
    batches: (await exportLedgerLines(viewer, query)).batches,
    line,
    fileName: `ledger-${chinaDate(new Date()).replaceAll("-", "")}.csv`,
  });
});
