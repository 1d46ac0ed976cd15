// Credit and receivables (信用与应收账款): ageing (账龄), invoice status, payment allocation (回款核销),
// exposure against the credit limit (授信额度) and the alert rules. Pure: dates are China calendar
// days ("YYYY-MM-DD", lib/domain/calendar.ts), money is fen (bigint).
import { daysBetween, type IsoDate } from "./calendar";

// ── Ageing (账龄) ─────────────────────────────────────────────────────────────────────────────
// Ageing counts whole calendar days past the due date (到期日), as of a day:
//   not yet due  — before the due date (days past due < 0)
//   0–30         — from the due date itself (day 0: payable today, not yet overdue) to 30 days past
//   31–60, 61–90 — inclusive at both ends
//   > 90         — 91 days past due and more
// The seed documents (004 "经销商的信用调查及应收帐管理", "授信额度的测算") name the practice but no
// edges; these follow the issue's buckets (0–30, 31–60, 61–90, > 90) read literally, with "not yet
// due" in front so the whole open balance is accounted for. An invoice is *overdue* (逾期) from the
// day after its due date (days past due ≥ 1).

export const AGEING_BUCKETS = ["notDue", "d0_30", "d31_60", "d61_90", "d90plus"] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** The lowest days past due of each bucket (the SQL of the ageing report is built from these). */
export const BUCKET_FLOOR: Record<Exclude<AgeingBucket, "notDue">, number> = {
  d0_30: 0,
  d31_60: 31,
  d61_90: 61,
  d90plus: 91,
};

/** The days-past-due range of a bucket, both ends inclusive (null = unbounded). */
export function bucketRange(bucket: AgeingBucket): { min: number | null; max: number | null } {
  switch (bucket) {
    case "notDue":
      return { min: null, max: -1 };
    case "d0_30":
      return { min: 0, max: 30 };
    case "d31_60":
      return { min: 31, max: 60 };
    case "d61_90":
      return { min: 61, max: 90 };
    case "d90plus":
      return { min: 91, max: null };
  }
}

/** Whole days from the due date to `asOf` (negative before it). */
export function daysPastDue(dueOn: IsoDate, asOf: IsoDate): number {
  return daysBetween(dueOn, asOf);
}

export function bucketOf(days: number): AgeingBucket {
  if (days < 0) return "notDue";
  if (days <= 30) return "d0_30";
  if (days <= 60) return "d31_60";
  if (days <= 90) return "d61_90";
  return "d90plus";
}

export function isOverdue(dueOn: IsoDate, asOf: IsoDate): boolean {
  return daysPastDue(dueOn, asOf) >= 1;
}

export type BucketAmounts = Record<AgeingBucket, bigint>;

export function emptyBuckets(): BucketAmounts {
  return { notDue: 0n, d0_30: 0n, d31_60: 0n, d61_90: 0n, d90plus: 0n };
}

export function sumBuckets(b: BucketAmounts): bigint {
  return AGEING_BUCKETS.reduce((s, k) => s + b[k], 0n);
}

export function addBuckets(into: BucketAmounts, add: BucketAmounts): BucketAmounts {
  for (const k of AGEING_BUCKETS) into[k] += add[k];
  return into;
}

/** Open invoices aged as of a day: the open balance of each in its bucket. */
export function ageInvoices(
  invoices: readonly { dueOn: IsoDate; open: bigint }[],
  asOf: IsoDate,
): BucketAmounts {
  const b = emptyBuckets();
  for (const inv of invoices) if (inv.open > 0n) b[bucketOf(daysPastDue(inv.dueOn, asOf))] += inv.open;
  return b;
}

// ── Invoice status ────────────────────────────────────────────────────────────────────────────

export type InvoiceStatus = "OPEN" | "PAID" | "VOID";
/** What a person reads: open with something paid is partly paid. */
export type InvoiceState = "open" | "partial" | "paid" | "void";

/** The stored status follows the allocations: paid in full → PAID, otherwise OPEN; void stays void. */
export function invoiceStatus(inv: { amount: bigint; paid: bigint; voided: boolean }): InvoiceStatus {
  if (inv.voided) return "VOID";
  return inv.paid >= inv.amount ? "PAID" : "OPEN";
}

export function invoiceState(inv: { amount: bigint; paid: bigint; voided: boolean }): InvoiceState {
  const status = invoiceStatus(inv);
  if (status === "VOID") return "void";
  if (status === "PAID") return "paid";
  return inv.paid > 0n ? "partial" : "open";
}

export function openBalance(inv: { amount: bigint; paid: bigint }): bigint {
  const open = inv.amount - inv.paid;
  return open > 0n ? open : 0n;
}

/** A void needs nothing paid against it (a payment is never silently detached from its invoice). */
export function canVoid(inv: { paid: bigint; status: InvoiceStatus }): boolean {
  return inv.status !== "VOID" && inv.paid === 0n;
}

// ── Payment allocation (回款核销) ───────────────────────────────────────────────────────────────

export type OpenInvoice = { id: string; invoiceNo: string; issuedOn: IsoDate; dueOn: IsoDate; open: bigint };
export type Allocation = { invoiceId: string; amount: bigint };
export type AllocationProblem =
  | "amountNotPositive"
  | "exceedsOpen" // the payment is more than all open invoices (oldest-first)
  | "unknownInvoice" // an explicit invoice is not an open invoice of this distributor
  | "duplicateInvoice"
  | "lineNotPositive"
  | "lineExceedsOpen" // one explicit line is more than that invoice's open balance
  | "sumMismatch"; // explicit lines do not add up to the payment

export type AllocationResult =
  { ok: true; allocations: Allocation[] } | { ok: false; problem: AllocationProblem; invoiceId?: string };

/** Oldest due first (then oldest issued, then by number): the order a payment settles invoices by default. */
export function oldestFirst<T extends Pick<OpenInvoice, "dueOn" | "issuedOn" | "invoiceNo">>(
  invoices: readonly T[],
): T[] {
  return [...invoices].sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      a.issuedOn.localeCompare(b.issuedOn) ||
      a.invoiceNo.localeCompare(b.invoiceNo),
  );
}

/**
 * Splits a payment over open invoices. Every fen is allocated (a payment larger than what is open
 * is refused rather than parked as an unexplained credit): oldest due first by default, or exactly
 * the lines given, which must add up to the payment and stay within each invoice's open balance.
 */
export function allocatePayment(
  amount: bigint,
  open: readonly OpenInvoice[],
  explicit?: readonly Allocation[] | null,
): AllocationResult {
  if (amount <= 0n) return { ok: false, problem: "amountNotPositive" };
  const byId = new Map(open.map((i) => [i.id, i]));
  if (explicit && explicit.length) {
    const seen = new Set<string>();
    let sum = 0n;
    for (const line of explicit) {
      const inv = byId.get(line.invoiceId);
      if (!inv) return { ok: false, problem: "unknownInvoice", invoiceId: line.invoiceId };
      if (seen.has(line.invoiceId)) return { ok: false, problem: "duplicateInvoice", invoiceId: inv.id };
      seen.add(line.invoiceId);
      if (line.amount <= 0n) return { ok: false, problem: "lineNotPositive", invoiceId: inv.id };
      if (line.amount > inv.open) return { ok: false, problem: "lineExceedsOpen", invoiceId: inv.id };
      sum += line.amount;
    }
    if (sum !== amount) return { ok: false, problem: "sumMismatch" };
    return { ok: true, allocations: explicit.map((l) => ({ invoiceId: l.invoiceId, amount: l.amount })) };
  }
  const total = open.reduce((s, i) => s + (i.open > 0n ? i.open : 0n), 0n);
  if (amount > total) return { ok: false, problem: "exceedsOpen" };
  const allocations: Allocation[] = [];
  let left = amount;
  for (const inv of oldestFirst(open)) {
    if (left === 0n) break;
    if (inv.open <= 0n) continue;
    const take = inv.open < left ? inv.open : left;
    allocations.push({ invoiceId: inv.id, amount: take });
    left -= take;
  }
  return { ok: true, allocations };
}

// ── Exposure against the credit limit (授信额度) ─────────────────────────────────────────────────

export type Exposure = {
  openBalance: bigint;
  creditLimit: bigint;
  /** Limit − open balance; negative when over the limit. */
  headroom: bigint;
  overLimit: boolean;
  /** Open balance as basis points of the limit; null when there is no limit. */
  utilisationBp: number | null;
};

/** Over the limit means strictly above it; with no limit (0) any open balance is over it. */
export function exposure(openBalanceFen: bigint, creditLimit: bigint): Exposure {
  const headroom = creditLimit - openBalanceFen;
  return {
    openBalance: openBalanceFen,
    creditLimit,
    headroom,
    overLimit: openBalanceFen > creditLimit,
    utilisationBp: creditLimit > 0n ? Number((openBalanceFen * 10_000n) / creditLimit) : null,
  };
}

// ── Alerts ────────────────────────────────────────────────────────────────────────────────────

export type ReceivablesAlertKind = "receivables.overLimit" | "receivables.overdue";

/**
 * What the channel manager is told about a distributor today: over its credit limit, and/or
 * holding overdue invoices (anything past its due date). The job sends each at most once a day.
 */
export function receivablesAlerts(input: {
  openBalance: bigint;
  creditLimit: bigint;
  overdueAmount: bigint;
}): ReceivablesAlertKind[] {
  const kinds: ReceivablesAlertKind[] = [];
  if (exposure(input.openBalance, input.creditLimit).overLimit) kinds.push("receivables.overLimit");
  if (input.overdueAmount > 0n) kinds.push("receivables.overdue");
  return kinds;
}

// ── Credit-limit requests (授信申请) ─────────────────────────────────────────────────────────────

export type CreditRequestStatus = "PENDING" | "APPROVED" | "REJECTED" | "WITHDRAWN";
export type CreditDecision = "approve" | "reject";

/** Only a pending request can be decided; approving sets the requested limit, rejecting keeps the old one. */
export function decideCredit(
  request: { status: CreditRequestStatus; requestedLimit: bigint },
  currentLimit: bigint,
  decision: CreditDecision,
): { ok: true; status: "APPROVED" | "REJECTED"; newLimit: bigint } | { ok: false; problem: "notPending" } {
  if (request.status !== "PENDING") return { ok: false, problem: "notPending" };
  return decision === "approve"
    ? { ok: true, status: "APPROVED", newLimit: request.requestedLimit }
    : { ok: true, status: "REJECTED", newLimit: currentLimit };
}
