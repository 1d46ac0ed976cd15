// Demo sales ledger (销售台账): invoiced revenue and collections from January 2025 to the seeding
// day's month for every customer account and every account with a won deal. The story the
// dashboard tells: each customer buys at its purchase-volume run-rate (Account.purchaseVolume is
// today's yearly figure), about 10 % less a year earlier, with the 春节 dip in January–February
// and the year-end peak in November–December; a won deal adds its expected value / 12 a month
// from the month it closed; each month's invoices are collected one or two months later at
// 90–98 %. 2–4 product lines an account, a few invoices a month, ERP-style document numbers.
// Deterministic (its own seeded random, fixed ids; the end month is the seeding day's), one INSERT:
// the rollup trigger keeps LedgerMonthRollup in step.
import type { Tx } from "@/lib/db";
import { chinaDate, daysInMonth } from "@/lib/domain/calendar";
import { addMonths } from "@/lib/domain/ledger";
import { seededRandom } from "@/lib/domain/random";

export type DemoLedgerResult = { ledgerLines: number; ledgerAccounts: number };

/** What the demo company sells, as its ERP names the product lines. */
const CATALOGUE = [
  "伺服电机",
  "PLC控制系统",
  "工业机器人集成",
  "CNC精密加工件",
  "五金冲压件",
  "瓦楞纸箱",
  "工业润滑油",
  "密封件",
  "变频空压机",
  "SMT锡膏",
  "导热界面材料",
  "塑料托盘",
  "工业网关",
] as const;

/** Month of the year → share of an average month: 春节 in January/February, the year-end push. */
const SEASON = [0.78, 0.62, 1.0, 1.02, 1.0, 1.04, 0.96, 0.95, 1.02, 1.0, 1.18, 1.43];
const FIRST_MONTH = "2025-01-01";
const GROWTH = 1.1; // a year

type Account = { id: string; ownerId: string; teamId: string; purchaseVolume: bigint | null };
type Line = {
  kind: "REVENUE" | "COLLECTION";
  documentNo: string;
  accountId: string;
  ownerId: string;
  teamId: string;
  month: string; // YYYY-MM-01
  productLine: string;
  amount: bigint;
};

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
/** Yuan → fen, rounded to whole hundreds of yuan (invoices are rarely odd to the fen). */
const fenOfYuan = (yuan: number) => BigInt(Math.max(1, Math.round(yuan / 100))) * 10_000n;

export async function seedDemoLedger(tx: Tx, today = chinaDate(new Date())): Promise<DemoLedgerResult> {
  const r = seededRandom(20251201);
  const lastMonth = `${today.slice(0, 7)}-01`;
  const months: string[] = [];
  for (let m = FIRST_MONTH; m <= lastMonth; m = addMonths(m, 1)) months.push(m);
  // The current month is invoiced only as far as today.
  const share =
    Number(today.slice(8, 10)) / daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)));

  const [customers, won] = await Promise.all([
    tx.account.findMany({
      where: { lifecycle: "CUSTOMER", deletedAt: null },
      select: { id: true, ownerId: true, teamId: true, purchaseVolume: true },
      orderBy: { id: "asc" },
    }),
    tx.deal.findMany({
      where: { status: "WON", closedAt: { not: null }, deletedAt: null },
      select: {
        accountId: true,
        expectedValue: true,
        closedAt: true,
        account: { select: { id: true, ownerId: true, teamId: true, purchaseVolume: true, lifecycle: true } },
      },
      orderBy: { id: "asc" },
    }),
  ]);
  const accounts = new Map<string, Account>(customers.map((a) => [a.id, a]));
  for (const d of won)
    if (!accounts.has(d.accountId)) accounts.set(d.accountId, { ...d.account, purchaseVolume: null });

  const lines: Line[] = [];
  const serial = new Map<string, number>();
  const documentNo = (prefix: "INV" | "RCV", month: string) => {
    const key = `${prefix}-${month.slice(0, 4)}`;
    const n = (serial.get(key) ?? 0) + r.int(1, 3); // gaps: other customers' documents
    serial.set(key, n);
    return `${key}-${String(n).padStart(6, "0")}`;
  };
  const end = monthIndex(lastMonth);

  for (const account of accounts.values()) {
    // 2–4 product lines, the first the main one.
    const products: string[] = [];
    const count = r.int(2, 4);
    while (products.length < count) {
      const p = r.pick(CATALOGUE);
      if (!products.includes(p)) products.push(p);
    }
    const weights = products.map((_, i) => (i === 0 ? 0.5 : 0.5 / (products.length - 1)));
    const runRate = account.purchaseVolume ? Number(account.purchaseVolume) / 100 / 12 : 0;
    const deals = won
      .filter((d) => d.accountId === account.id)
      .map((d) => ({
        from: monthIndex(chinaDate(d.closedAt!)),
        monthly: Number(d.expectedValue) / 100 / 12,
      }));
    const revenueByMonth: number[] = [];
    months.forEach((month, i) => {
      const idx = monthIndex(month);
      const growth = Math.pow(GROWTH, (idx - end) / 12);
      const season = SEASON[Number(month.slice(5, 7)) - 1]!;
      const part = idx === end ? share : 1;
      let yuan = runRate * growth * season * (0.85 + r.next() * 0.3);
      for (const d of deals) if (idx >= d.from) yuan += d.monthly * season * (0.9 + r.next() * 0.2);
      yuan *= part;
      revenueByMonth[i] = 0;
      if (yuan < 1_000) return;
      // One invoice per product line that shipped this month (the main one always does); the
      // month's revenue is shared among those.
      const shipped = products.filter((_, p) => p === 0 || !r.chance(0.25));
      const total = shipped.reduce((s, p) => s + weights[products.indexOf(p)]!, 0);
      shipped.forEach((product) => {
        const amount = fenOfYuan((yuan * weights[products.indexOf(product)]!) / total);
        revenueByMonth[i]! += Number(amount) / 100;
        lines.push({
          kind: "REVENUE",
          documentNo: documentNo("INV", month),
          accountId: account.id,
          ownerId: account.ownerId,
          teamId: account.teamId,
          month,
          productLine: product,
          amount,
        });
      });
      // Now and then a credit note (红字发票) for a returned delivery.
      if (r.chance(0.03)) {
        lines.push({
          kind: "REVENUE",
          documentNo: documentNo("INV", month),
          accountId: account.id,
          ownerId: account.ownerId,
          teamId: account.teamId,
          month,
          productLine: products[0]!,
          amount: -fenOfYuan(yuan * 0.05),
        });
      }
    });
    // Collections: a month's invoices are paid one or two months later, 90–98 % of them; in the
    // current month only as far as today, like its invoices.
    months.forEach((month, i) => {
      const lag = r.chance(0.6) ? 1 : 2;
      const invoiced = (revenueByMonth[i - lag] ?? 0) * (month === lastMonth ? share : 1);
      if (invoiced < 1_000) return;
      lines.push({
        kind: "COLLECTION",
        documentNo: documentNo("RCV", month),
        accountId: account.id,
        ownerId: account.ownerId,
        teamId: account.teamId,
        month,
        productLine: products[0]!,
        amount: fenOfYuan(invoiced * (0.9 + r.next() * 0.08)),
      });
    });
  }
  // One INSERT … SELECT FROM UNNEST: Prisma's createMany spends seconds building a statement of
  // 3,000 rows on a busy machine; the database needs a fraction of that (the rollup trigger included).
  const col = <T>(pick: (l: Line, i: number) => T) => lines.map(pick);
  await tx.$executeRaw`
    INSERT INTO "LedgerLine" (id, kind, "documentNo", "accountId", "ownerId", "teamId", month, "productLine", amount, "updatedAt")
    SELECT v.id, v.kind::"LedgerKind", v.doc, v.account, v.owner, v.team, v.month, v.product, v.amount, now()
    FROM UNNEST(
      ${col((_, i) => `demo_ledger_${String(i + 1).padStart(5, "0")}`)}::text[], ${col((l) => l.kind)}::text[],
      ${col((l) => l.documentNo)}::text[], ${col((l) => l.accountId)}::text[], ${col((l) => l.ownerId)}::text[],
      ${col((l) => l.teamId)}::text[], ${col((l) => l.month)}::date[], ${col((l) => l.productLine)}::text[],
      ${col((l) => l.amount)}::bigint[]
    ) AS v(id, kind, doc, account, owner, team, month, product, amount)`;
  return { ledgerLines: lines.length, ledgerAccounts: accounts.size };
}
