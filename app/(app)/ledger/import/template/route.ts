import { routeHandler } from "@/lib/actions/route";
import { formatCsv } from "@/lib/domain/csv";
import { LEDGER_IMPORT_FIELDS, LEDGER_TEMPLATE_HEADERS } from "@/lib/domain/ledger-import";

/** The ledger import template: headers and two example rows, in Chinese or English, UTF-8 with a BOM. */
export const GET = routeHandler(async (request) => {
  const lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "zh-CN";
  const headers = LEDGER_IMPORT_FIELDS.map((f) => LEDGER_TEMPLATE_HEADERS[lang][f]);
  const examples =
    lang === "en"
      ? [
          [
            "Revenue",
            "INV-2026-000123",
            "",
            "Example Co., Ltd.",
            "2026-03",
            "Industrial sensors",
            "125000.00",
            "",
          ],
          [
            "Collection",
            "RCV-2026-000087",
            "",
            "Example Co., Ltd.",
            "2026-04",
            "Industrial sensors",
            "118750",
            "",
          ],
        ]
      : [
          ["开票收入", "INV-2026-000123", "", "示例有限公司", "2026-03", "工业传感器", "125000.00", ""],
          ["回款", "RCV-2026-000087", "", "示例有限公司", "2026-04", "工业传感器", "118750", ""],
        ];
  const body = formatCsv([headers, ...examples], { bom: true });
  const fileName = lang === "en" ? "keystone-ledger-template.csv" : "销售台账导入模板.csv";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="keystone-ledger-template-${lang}.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
