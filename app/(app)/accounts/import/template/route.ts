import { routeHandler } from "@/lib/actions/route";
import { TEMPLATE_FIELDS, TEMPLATE_HEADERS } from "@/lib/domain/account-import";
import { formatCsv } from "@/lib/domain/csv";

/** The import template: the header row in Chinese or English, UTF-8 with a BOM so Excel shows Chinese. */
export const GET = routeHandler(async (request) => {
  const lang = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "zh-CN";
  const headers = TEMPLATE_FIELDS.map((f) => TEMPLATE_HEADERS[lang][f]);
  const body = formatCsv([headers], { bom: true });
  const fileName = lang === "en" ? "keystone-accounts-template.csv" : "客户导入模板.csv";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="keystone-accounts-template-${lang}.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
