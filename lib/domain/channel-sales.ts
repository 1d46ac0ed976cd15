// Sales reports (销售报表) from distributors' CSV files: sell-in (进货, our shipments to the
// distributor) and sell-out (出货, the distributor's own sales). Which column is which (English,
// Chinese or an alias), each row checked with every problem at once, the idempotency key of a
// line, region text → territory, and channel inventory (sell-in − sell-out). Pure: the data layer
// resolves distributor and product codes within the importer's scope.
import { normaliseCompanyName } from "./account-import";
import { checkIsoDate, type IsoDate } from "./calendar";
import { creditCodeProblem, normaliseCreditCode } from "./credit-code";
import { headerMapper, type HeaderMap } from "./csv-table";
import { normaliseRegion } from "./channel-regions";
import { parseYuan } from "./money";
import { cleanText, textProblem } from "./text";

export type ChannelImportKind = "SELL_IN" | "SELL_OUT";

export const CHANNEL_SALES_FIELDS = [
  "distributorCode",
  "documentNo",
  "lineNo",
  "date",
  "customerName",
  "creditCode",
  "region",
  "productCode",
  "quantity",
  "unitPrice",
  "amount",
] as const;
export type ChannelSalesField = (typeof CHANNEL_SALES_FIELDS)[number];

/** The columns of each kind's file, in template order. */
export const KIND_FIELDS: Record<ChannelImportKind, readonly ChannelSalesField[]> = {
  SELL_IN: [
    "distributorCode",
    "documentNo",
    "lineNo",
    "date",
    "productCode",
    "quantity",
    "unitPrice",
    "amount",
  ],
  SELL_OUT: [
    "distributorCode",
    "documentNo",
    "lineNo",
    "date",
    "customerName",
    "creditCode",
    "region",
    "productCode",
    "quantity",
    "unitPrice",
  ],
};

/** Fields a row of the kind must fill. */
export const REQUIRED_FIELDS: Record<ChannelImportKind, readonly ChannelSalesField[]> = {
  SELL_IN: ["distributorCode", "documentNo", "lineNo", "date", "productCode", "quantity", "unitPrice"],
  SELL_OUT: ["distributorCode", "date", "customerName", "productCode", "quantity", "unitPrice"],
};

export const CHANNEL_SALES_HEADERS: Record<"en" | "zh-CN", Record<ChannelSalesField, string>> = {
  en: {
    distributorCode: "Distributor code",
    documentNo: "Document number",
    lineNo: "Line",
    date: "Date",
    customerName: "End customer",
    creditCode: "Unified social credit code",
    region: "Region",
    productCode: "Product code",
    quantity: "Quantity",
    unitPrice: "Unit price (yuan)",
    amount: "Amount (yuan)",
  },
  "zh-CN": {
    distributorCode: "经销商编码",
    documentNo: "单据号",
    lineNo: "行号",
    date: "日期",
    customerName: "终端客户",
    creditCode: "统一社会信用代码",
    region: "区域",
    productCode: "产品编码",
    quantity: "数量",
    unitPrice: "单价（元）",
    amount: "金额（元）",
  },
};

const ALIASES: Record<ChannelSalesField, readonly string[]> = {
  distributorCode: ["distributor", "dealer", "dealercode", "经销商", "代理商", "代理商编码", "客户编码"],
  documentNo: ["document", "docno", "invoiceno", "orderno", "单号", "单据编号", "订单号", "发货单号"],
  lineNo: ["lineno", "linenumber", "item", "行", "行次", "序号"],
  date: [
    "shippedon",
    "soldon",
    "shipdate",
    "saledate",
    "日期",
    "发货日期",
    "销售日期",
    "出货日期",
    "进货日期",
  ],
  customerName: ["customer", "customername", "endcustomername", "客户名称", "终端客户名称", "客户"],
  creditCode: ["creditcode", "uscc", "信用代码", "税号"],
  region: ["area", "territory", "city", "地区", "销售区域", "城市"],
  productCode: ["product", "sku", "itemcode", "产品", "物料编码", "产品代码"],
  quantity: ["qty", "数量", "销量"],
  unitPrice: ["price", "unitprice", "单价", "价格", "售价"],
  amount: ["amount", "value", "金额", "总额"],
};

export const mapChannelSalesHeaders = headerMapper(
  CHANNEL_SALES_FIELDS,
  [CHANNEL_SALES_HEADERS.en, CHANNEL_SALES_HEADERS["zh-CN"]],
  ALIASES,
);
export type ChannelSalesHeaderMap = HeaderMap<ChannelSalesField>;

/** Required columns of the kind the file does not have. */
export function missingColumns(kind: ChannelImportKind, header: ChannelSalesHeaderMap): ChannelSalesField[] {
  return REQUIRED_FIELDS[kind].filter((f) => !header.columns.includes(f));
}

/** A row's problem: its column and a message key under channelSales.import.problems. */
export type ChannelRowProblem = {
  field: ChannelSalesField | null;
  key: string;
  values?: Record<string, string | number>;
};

export type ParsedChannelRow = {
  distributorCode: string;
  documentNo: string | null;
  lineNo: number | null;
  date: IsoDate;
  customerName: string | null;
  creditCode: string | null;
  region: string | null;
  productCode: string;
  quantity: number;
  unitPrice: bigint;
  amount: bigint;
};

export type ChannelImportRow = {
  row: number;
  raw: Partial<Record<ChannelSalesField, string>>;
  line: ParsedChannelRow | null;
  problems: ChannelRowProblem[];
};

export const MAX_QUANTITY = 10_000_000;
const MAX_CODE = 40;
const MAX_DOCUMENT = 60;
const MAX_NAME = 200;
const MAX_REGION = 100;

type Cell<T> = { ok: true; value: T } | { ok: false; key: string };

function textCell(value: string, max: number): Cell<string> {
  const v = cleanText(value);
  const problem = textProblem(v);
  if (problem) return { ok: false, key: problem };
  if (v.length > max) return { ok: false, key: "tooLong" };
  return { ok: true, value: v };
}

/** A code as written in other systems: NFKC (full-width letters), trimmed, upper-case, no inner spaces. */
export const normaliseCode = (text: string) => text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

const CODE = /^[A-Z0-9][A-Z0-9._/#-]*$/;

/** "2026-03-05", "2026/3/5", "2026.3.5", "2026年3月5日", "20260305" → 2026-03-05. */
export function parseReportDate(text: string): Cell<IsoDate> {
  const t = text.normalize("NFKC").trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return { ok: false, key: "date" };
  const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const checked = checkIsoDate(iso);
  if (!checked.ok) return { ok: false, key: checked.problem === "outOfRange" ? "dateRange" : "date" };
  return { ok: true, value: checked.date };
}

/** A whole number of units, "1,200" allowed; negative (a return) only when `allowNegative`. No hex, exponents or decimals. */
export function parseQuantity(text: string): Cell<number> {
  const t = text.normalize("NFKC").replace(/[\s,]/g, "");
  if (!/^[+-]?\d{1,9}$/.test(t)) return { ok: false, key: "quantity" };
  const n = Number(t);
  if (n === 0) return { ok: false, key: "quantityZero" };
  if (Math.abs(n) > MAX_QUANTITY) return { ok: false, key: "quantityRange" };
  return { ok: true, value: n };
}

/** One row: every problem at once, so a person fixes the file in one go. */
export function validateChannelRow(
  kind: ChannelImportKind,
  cells: readonly string[],
  row: number,
  header: ChannelSalesHeaderMap,
  today: IsoDate,
): ChannelImportRow {
  const raw: Partial<Record<ChannelSalesField, string>> = {};
  const used = KIND_FIELDS[kind];
  header.columns.forEach((field, i) => {
    if (field && used.includes(field)) raw[field] = cells[i] ?? "";
  });
  const problems: ChannelRowProblem[] = [];
  const add = (field: ChannelSalesField | null, key: string) => problems.push({ field, key });
  const required = REQUIRED_FIELDS[kind];
  const present = (f: ChannelSalesField) => cleanText(raw[f] ?? "") !== "";
  for (const f of required) if (!present(f)) add(f, "required");

  const code = (f: "distributorCode" | "productCode"): string | null => {
    if (!present(f)) return null;
    const c = textCell(raw[f]!, MAX_CODE);
    if (!c.ok) return (add(f, c.key), null);
    const v = normaliseCode(c.value);
    if (!CODE.test(v)) return (add(f, "code"), null);
    return v;
  };
  const distributorCode = code("distributorCode");
  const productCode = code("productCode");

  let documentNo: string | null = null;
  if (present("documentNo")) {
    const c = textCell(raw.documentNo!, MAX_DOCUMENT);
    if (!c.ok) add("documentNo", c.key);
    else documentNo = c.value.normalize("NFKC");
  }
  let lineNo: number | null = null;
  if (present("lineNo")) {
    const t = raw.lineNo!.normalize("NFKC").trim();
    if (!/^\d{1,5}$/.test(t) || Number(t) < 1) add("lineNo", "lineNo");
    else lineNo = Number(t);
  }
  if (kind === "SELL_OUT" && lineNo !== null && documentNo === null && present("lineNo"))
    add("documentNo", "lineWithoutDocument");

  let date: IsoDate | null = null;
  if (present("date")) {
    const d = parseReportDate(raw.date!);
    if (!d.ok) add("date", d.key);
    else if (d.value > today) add("date", "dateFuture");
    else date = d.value;
  }

  let customerName: string | null = null;
  let creditCode: string | null = null;
  let region: string | null = null;
  if (kind === "SELL_OUT") {
    if (present("customerName")) {
      const c = textCell(raw.customerName!, MAX_NAME);
      if (!c.ok) add("customerName", c.key);
      else customerName = c.value;
    }
    if (present("creditCode")) {
      const cc = normaliseCreditCode(raw.creditCode!.normalize("NFKC"));
      if (creditCodeProblem(cc)) add("creditCode", "creditCode");
      else creditCode = cc;
    }
    if (present("region")) {
      const c = textCell(raw.region!, MAX_REGION);
      if (!c.ok) add("region", c.key);
      else region = c.value;
    }
  }

  let quantity: number | null = null;
  if (present("quantity")) {
    const q = parseQuantity(raw.quantity!);
    if (!q.ok) add("quantity", q.key);
    else quantity = q.value;
  }
  let unitPrice: bigint | null = null;
  if (present("unitPrice")) {
    const p = parseYuan(raw.unitPrice!);
    if (!p.ok) add("unitPrice", `amount_${p.problem}`);
    else unitPrice = p.fen;
  }
  let amount: bigint | null = quantity !== null && unitPrice !== null ? BigInt(quantity) * unitPrice : null;
  if (kind === "SELL_IN" && present("amount")) {
    const a = parseYuan(raw.amount!, { allowNegative: true });
    if (!a.ok) add("amount", `amount_${a.problem}`);
    // The ERP's amount may round per line; more than a yuan off is a different line.
    else if (amount !== null && (a.fen - amount > 100n || amount - a.fen > 100n))
      add("amount", "amountMismatch");
    else amount = a.fen;
  }

  const line: ParsedChannelRow | null =
    problems.length === 0
      ? {
          distributorCode: distributorCode!,
          documentNo,
          lineNo: documentNo === null ? null : (lineNo ?? 1),
          date: date!,
          customerName,
          creditCode,
          region,
          productCode: productCode!,
          quantity: quantity!,
          unitPrice: unitPrice!,
          amount: amount!,
        }
      : null;
  return { row, raw, line, problems };
}

/** A digest function (the data layer passes SHA-256; this layer does no crypto of its own). */
export type Digest = (text: string) => string;

/**
 * The idempotency key of a sell-out line within its distributor: the report's document number and
 * line, or — when the report has none — a digest of the normalised row and its occurrence in the
 * file (two identical sales in one file stay two lines; the same file imported again makes none).
 */
export function sellOutLineKey(line: ParsedChannelRow, digest: Digest, occurrence = 1): string {
  if (line.documentNo !== null) return `d:${line.documentNo}#${line.lineNo ?? 1}`;
  return `h:${digest(sellOutRowIdentity(line))}#${occurrence}`;
}

/** What identifies a sale without a document number, normalised (spaces, width, case). */
export function sellOutRowIdentity(line: ParsedChannelRow): string {
  return [
    line.distributorCode,
    line.date,
    normaliseCompanyName(line.customerName ?? ""),
    line.creditCode ?? "",
    normaliseRegion(line.region ?? ""),
    line.productCode,
    String(line.quantity),
    String(line.unitPrice),
  ].join("\u0001");
}
