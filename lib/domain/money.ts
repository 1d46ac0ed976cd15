// Money: stored as whole fen (分, 1/100 yuan) in bigint columns, typed and shown as yuan. People
// write amounts the way they say them — "1,250,000", "1 250 000", "125万", "8.5亿", "¥3,000.50",
// "20万元", and in English "1.25M" or "800k" (what the English screens show) — and this reads them
// exactly (no floating point), refusing what is not an amount: hex (0x10), exponents (1e5),
// Infinity, more decimals than a fen, or more than a trillion yuan.

/** The largest amount anyone may type: 1万亿 (a trillion) yuan. */
export const MAX_YUAN = 10n ** 12n;
/** Each unit as the power of ten it multiplies by (the English ones as Intl's compact notation writes them). */
const UNITS: Record<string, number> = {
  "": 0,
  千: 3,
  万: 4,
  亿: 8,
  万亿: 12,
  k: 3,
  m: 6,
  mn: 6,
  b: 9,
  bn: 9,
};

export type AmountProblem = "format" | "negative" | "tooLarge" | "precision";
export type AmountResult = { ok: true; fen: bigint } | { ok: false; problem: AmountProblem };

// Digits grouped by thousands ("1,250,000") or not ("1250000"), decimals, then a unit.
const AMOUNT = /^([+-]?)[¥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万亿|千|万|亿|k|mn|m|bn|b)?元?$/i;

/** Reads an amount in yuan as fen. Full-width digits and punctuation (１２５万，￥) are accepted. */
export function parseYuan(text: string, opts: { allowNegative?: boolean } = {}): AmountResult {
  const normal = text
    .normalize("NFKC") // full-width digits, ￥ → ¥, ， → ,
    .replace(/[\s\u00a0]+/g, "")
    .replace(/^(?:RMB|CNY|CN(?=¥))|(?:RMB|CNY|yuan)$/gi, ""); // "CN¥" is how Intl writes yuan in English
  const m = AMOUNT.exec(normal);
  if (!m) return { ok: false, problem: "format" };
  const [, sign, whole, fraction = "", unit = ""] = m;
  const shift = UNITS[unit.toLowerCase()]! + 2; // digits to move the point right: the unit, then yuan → fen
  const decimals = fraction.replace(/0+$/, "");
  if (decimals.length > shift) return { ok: false, problem: "precision" };
  const fen = BigInt(`${whole!.replaceAll(",", "")}${decimals.padEnd(shift, "0")}`);
  const negative = sign === "-" && fen !== 0n;
  if (negative && !opts.allowNegative) return { ok: false, problem: "negative" };
  if (fen > MAX_YUAN * 100n) return { ok: false, problem: "tooLarge" };
  return { ok: true, fen: negative ? -fen : fen };
}

/** Fen → the yuan a person types back into a form: "1250000", "99.5"; null → "". */
export function fenToYuanInput(fen: bigint | null | undefined): string {
  if (fen === null || fen === undefined) return "";
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const cents = abs % 100n;
  const fraction = cents ? `.${cents.toString().padStart(2, "0").replace(/0$/, "")}` : "";
  return `${negative ? "-" : ""}${abs / 100n}${fraction}`;
}

/** Fen → yuan as a number, for display and charts (exact below 2^53 fen ≈ 90万亿 yuan). */
export const fenToYuan = (fen: bigint | null | undefined): number | null =>
  fen === null || fen === undefined ? null : Number(fen) / 100;

export type MoneyFormat = {
  /** "¥125万" / "¥1.3M": cards, totals, charts. */
  compact: (yuan: number) => string;
  /** "¥1,250,000": tables and forms. */
  full: (yuan: number) => string;
};

const formats = new Map<string, MoneyFormat>();

/** Money formats for a locale, made once (Intl formatters are costly to create). */
export function moneyFormat(locale: string): MoneyFormat {
  let f = formats.get(locale);
  if (!f) {
    const compact = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "CNY",
      currencyDisplay: "narrowSymbol",
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    });
    const full = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: "CNY",
      currencyDisplay: "narrowSymbol",
      maximumFractionDigits: 0,
    });
    f = { compact: (v) => compact.format(v), full: (v) => full.format(v) };
    formats.set(locale, f);
  }
  return f;
}
