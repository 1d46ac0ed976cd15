// Demo channel data: invoices from the sell-in, payments and allocations, receivables in every ageing bucket, credit-limit requests (pending, approved, rejected).
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
//
// Invoices are derived from the signed distributors' agreements and credit limits (one a month for
// eight months, sized as a share of the limit, due after the agreement's payment term), so the
// seed reads the same whether or not the sales seed has written sell-in lines before it. Older
// invoices are mostly paid, recent ones mostly open; a few distributors keep invoices unpaid past
// 90 days and two are pushed over their credit limit by a large recent order.
import type { Prisma } from "@/lib/db";
import { addDays, chinaDate, toDbDate } from "@/lib/domain/calendar";
import { bucketOf, daysPastDue, emptyBuckets, sumBuckets } from "@/lib/domain/receivables";
import { seededRandom } from "@/lib/domain/random";

type Tx = Prisma.TransactionClient;

/** Distributors pushed over their credit limit (East and South, so both regions' views show one). */
export const DEMO_OVER_LIMIT = ["dst_002", "dst_029"] as const;
/** Distributors that keep an invoice unpaid beyond 90 days (the ageing's worst bucket). */
const LONG_OVERDUE = new Set(["dst_001", "dst_004", "dst_015", "dst_018", "dst_027", "dst_031"]);
/** Distributors that owe half of an invoice 31–60 days past due (one per region). */
const MID_OVERDUE = new Set(["dst_003", "dst_016", "dst_028"]);

const METHODS = ["银行转账", "承兑汇票", "电汇"];

type Inv = {
  id: string;
  invoiceNo: string;
  distributorId: string;
  issuedOn: string;
  dueOn: string;
  amount: bigint;
  paid: bigint;
  teamId: string;
  ownerId: string;
  /** Kept open on purpose (an ageing bucket the demo must show). */
  planted?: boolean;
};

const round100Yuan = (fen: bigint) => (fen / 10_000n) * 10_000n;

export async function seedDemoReceivables(
  tx: Tx,
  args: { now?: Date } = {},
): Promise<Record<string, number>> {
  const r = seededRandom(20261214);
  const today = chinaDate(args.now ?? new Date());
  const distributors = await tx.distributor.findMany({
    where: { stage: { in: ["SIGNED", "SUSPENDED", "TERMINATED"] }, deletedAt: null },
    orderBy: { id: "asc" },
    select: {
      id: true,
      teamId: true,
      ownerId: true,
      creditLimit: true,
      agreements: {
        orderBy: { number: "desc" },
        take: 1,
        select: { versions: { orderBy: { number: "desc" }, take: 1, select: { paymentTermDays: true } } },
      },
    },
  });

  const invoices: Inv[] = [];
  const seq = new Map<string, number>();
  const number = (prefix: string, on: string) => {
    const key = `${prefix}-${on.slice(0, 4)}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    return `${key}-${String(n).padStart(6, "0")}`;
  };

  for (const [k, d] of distributors.entries()) {
    const term = d.agreements[0]?.versions[0]?.paymentTermDays ?? 30;
    const limit = d.creditLimit > 0n ? d.creditLimit : 1_000_000_00n;
    const mine: Inv[] = [];
    for (let m = 7; m >= 0; m--) {
      const issuedOn = addDays(today, -(m * 30 + 2 + ((k * 3) % 9)));
      const amount = round100Yuan((limit * BigInt(r.int(8, 16))) / 100n);
      const dueOn = addDays(issuedOn, term);
      const dpd = daysPastDue(dueOn, today);
      // How likely this invoice has been paid by now: the older, the likelier.
      const p = dpd < 0 ? 0.1 : dpd <= 30 ? 0.45 : dpd <= 60 ? 0.7 : dpd <= 90 ? 0.8 : 0.92;
      let paid = r.chance(p)
        ? amount
        : r.chance(0.25)
          ? round100Yuan((amount * BigInt(r.int(20, 70))) / 100n)
          : 0n;
      const planted =
        (m === 7 && LONG_OVERDUE.has(d.id)) || (dpd >= 31 && dpd <= 60 && MID_OVERDUE.has(d.id));
      if (planted) paid = round100Yuan(m === 7 ? amount / 3n : amount / 2n);
      mine.push({
        id: `inv_${d.id}_${m}`,
        invoiceNo: "",
        distributorId: d.id,
        issuedOn,
        dueOn,
        amount,
        paid,
        teamId: d.teamId,
        ownerId: d.ownerId,
        planted,
      });
    }
    const open = () => mine.reduce((s, i) => s + i.amount - i.paid, 0n);
    if ((DEMO_OVER_LIMIT as readonly string[]).includes(d.id)) {
      // A large order shipped last week takes the distributor past its limit.
      const issuedOn = addDays(today, -6);
      mine.push({
        id: `inv_${d.id}_big`,
        invoiceNo: "",
        distributorId: d.id,
        issuedOn,
        dueOn: addDays(issuedOn, term),
        amount: round100Yuan(limit - open() + limit / 5n),
        paid: 0n,
        teamId: d.teamId,
        ownerId: d.ownerId,
      });
    } else {
      // Everyone else stays within 90 % of the limit: the newest invoices are settled first here
      // (prepaid orders), which keeps the planted old debts in their buckets.
      for (const inv of [...mine].reverse()) {
        if (open() * 10n <= limit * 9n) break;
        if (inv.planted) continue;
        inv.paid = inv.amount;
      }
    }
    invoices.push(...mine);
  }

  invoices.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.id.localeCompare(b.id));
  for (const inv of invoices) inv.invoiceNo = number("YS", inv.issuedOn);
  await tx.channelInvoice.createMany({
    data: invoices.map((i) => ({
      id: i.id,
      invoiceNo: i.invoiceNo,
      distributorId: i.distributorId,
      issuedOn: toDbDate(i.issuedOn),
      dueOn: toDbDate(i.dueOn),
      amount: i.amount,
      paidAmount: i.paid,
      status: i.paid >= i.amount ? ("PAID" as const) : ("OPEN" as const),
      teamId: i.teamId,
      ownerId: i.ownerId,
      note: i.id.endsWith("_big") ? "大额备货订单" : null,
    })),
  });

  // One payment (回款) per invoice with something paid, received around its due date.
  const paid = invoices.filter((i) => i.paid > 0n);
  const payments = paid.map((i) => {
    let on = addDays(i.dueOn, r.int(-12, 15));
    if (on > today) on = today;
    if (on < i.issuedOn) on = i.issuedOn;
    return { invoice: i, on };
  });
  payments.sort((a, b) => a.on.localeCompare(b.on) || a.invoice.id.localeCompare(b.invoice.id));
  await tx.channelPayment.createMany({
    data: payments.map((p) => ({
      id: `pay_${p.invoice.id.slice(4)}`,
      paymentNo: number("HK", p.on),
      distributorId: p.invoice.distributorId,
      receivedOn: toDbDate(p.on),
      amount: p.invoice.paid,
      method: r.pick(METHODS),
      recordedById: p.invoice.ownerId,
      teamId: p.invoice.teamId,
      createdAt: new Date(toDbDate(p.on).getTime() + 3 * 3_600_000),
    })),
  });
  await tx.channelPaymentAllocation.createMany({
    data: payments.map((p) => ({
      paymentId: `pay_${p.invoice.id.slice(4)}`,
      invoiceId: p.invoice.id,
      amount: p.invoice.paid,
    })),
  });

  // 授信申请: pending, approved and rejected requests in each region.
  const requests: Prisma.CreditLimitRequestCreateManyInput[] = [];
  const byRegion = new Map<string, typeof distributors>();
  for (const d of distributors) byRegion.set(d.teamId, [...(byRegion.get(d.teamId) ?? []), d]);
  for (const [team, list] of byRegion) {
    const region = team.replace("team_", "");
    const [approved, pending, rejected] = [list[0], list[2], list[3]];
    const at = (days: number) => new Date(toDbDate(addDays(today, -days)).getTime() + 2 * 3_600_000);
    if (approved)
      requests.push({
        id: `crq_${approved.id}_a`,
        distributorId: approved.id,
        requestedById: `usr_${region}_channel`,
        currentLimit: (approved.creditLimit * 7n) / 10n,
        requestedLimit: approved.creditLimit,
        reason: "年度进货目标上调，现有授信额度不足以覆盖旺季备货",
        status: "APPROVED",
        deciderId: `usr_${region}_manager`,
        decidedAt: at(58),
        decisionNote: "回款记录良好，同意",
        teamId: team,
        createdAt: at(60),
      });
    if (pending)
      requests.push({
        id: `crq_${pending.id}_p`,
        distributorId: pending.id,
        requestedById: `usr_${region}_channel`,
        currentLimit: pending.creditLimit,
        requestedLimit: (pending.creditLimit * 13n) / 10n,
        reason: "新开拓两家园区客户，预计季度进货增加三成",
        teamId: team,
        createdAt: at(2),
      });
    if (rejected)
      requests.push({
        id: `crq_${rejected.id}_r`,
        distributorId: rejected.id,
        requestedById: `usr_${region}_channel`,
        currentLimit: rejected.creditLimit,
        requestedLimit: rejected.creditLimit * 2n,
        reason: "申请翻倍授信以承接大项目",
        status: "REJECTED",
        deciderId: `usr_${region}_manager`,
        decidedAt: at(20),
        decisionNote: "存在逾期应收，先清理逾期再议",
        teamId: team,
        createdAt: at(25),
      });
  }
  await tx.creditLimitRequest.createMany({ data: requests });

  const buckets = emptyBuckets();
  for (const i of invoices)
    if (i.paid < i.amount) buckets[bucketOf(daysPastDue(i.dueOn, today))] += i.amount - i.paid;
  return {
    channelInvoices: invoices.length,
    channelPayments: payments.length,
    creditRequests: requests.length,
    receivablesOpenYuan: Number(sumBuckets(buckets) / 100n),
  };
}
