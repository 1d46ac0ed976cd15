import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/calendar";
import {
  AGEING_BUCKETS,
  BUCKET_FLOOR,
  ageInvoices,
  allocatePayment,
  bucketOf,
  bucketRange,
  canVoid,
  daysPastDue,
  decideCredit,
  emptyBuckets,
  exposure,
  invoiceState,
  invoiceStatus,
  isOverdue,
  oldestFirst,
  openBalance,
  receivablesAlerts,
  sumBuckets,
  type OpenInvoice,
} from "@/lib/domain/receivables";

const AS_OF = "2026-12-03";
const dueDaysAgo = (days: number) => addDays(AS_OF, -days);

describe("ageing buckets (账龄)", () => {
  it.each([
    [-30, "notDue"],
    [-1, "notDue"],
    [0, "d0_30"],
    [1, "d0_30"],
    [30, "d0_30"],
    [31, "d31_60"],
    [60, "d31_60"],
    [61, "d61_90"],
    [90, "d61_90"],
    [91, "d90plus"],
    [400, "d90plus"],
  ] as const)("%i days past due → %s", (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
    expect(bucketOf(daysPastDue(dueDaysAgo(days), AS_OF))).toBe(bucket);
  });

  it("counts calendar days across month and year ends and leap days", () => {
    expect(daysPastDue("2026-11-30", "2026-12-01")).toBe(1);
    expect(daysPastDue("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysPastDue("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysPastDue("2026-12-04", "2026-12-03")).toBe(-1);
  });

  it("an invoice is overdue from the day after its due date", () => {
    expect(isOverdue(AS_OF, AS_OF)).toBe(false);
    expect(isOverdue(dueDaysAgo(1), AS_OF)).toBe(true);
    expect(isOverdue(addDays(AS_OF, 5), AS_OF)).toBe(false);
  });

  it("each bucket's range agrees with bucketOf and the SQL floors", () => {
    for (const b of AGEING_BUCKETS) {
      const { min, max } = bucketRange(b);
      if (min !== null) {
        expect(bucketOf(min)).toBe(b);
        expect(bucketOf(min - 1)).not.toBe(b);
      }
      if (max !== null) {
        expect(bucketOf(max)).toBe(b);
        expect(bucketOf(max + 1)).not.toBe(b);
      }
      if (b !== "notDue") expect(BUCKET_FLOOR[b]).toBe(min);
    }
  });

  it("buckets cover every day exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), (d) => {
        const hits = AGEING_BUCKETS.filter((b) => {
          const { min, max } = bucketRange(b);
          return (min === null || d >= min) && (max === null || d <= max);
        });
        expect(hits).toEqual([bucketOf(d)]);
      }),
    );
  });

  it("ages open balances into their buckets and skips settled invoices", () => {
    const b = ageInvoices(
      [
        { dueOn: addDays(AS_OF, 1), open: 100n },
        { dueOn: AS_OF, open: 200n },
        { dueOn: dueDaysAgo(30), open: 300n },
        { dueOn: dueDaysAgo(31), open: 400n },
        { dueOn: dueDaysAgo(90), open: 500n },
        { dueOn: dueDaysAgo(91), open: 600n },
        { dueOn: dueDaysAgo(200), open: 0n },
      ],
      AS_OF,
    );
    expect(b).toEqual({ notDue: 100n, d0_30: 500n, d31_60: 400n, d61_90: 500n, d90plus: 600n });
    expect(sumBuckets(b)).toBe(2100n);
    expect(sumBuckets(emptyBuckets())).toBe(0n);
  });
});

describe("invoice status from allocations", () => {
  it.each([
    [1000n, 0n, false, "OPEN", "open"],
    [1000n, 1n, false, "OPEN", "partial"],
    [1000n, 999n, false, "OPEN", "partial"],
    [1000n, 1000n, false, "PAID", "paid"],
    [1000n, 0n, true, "VOID", "void"],
  ] as const)("amount %s paid %s void %s → %s/%s", (amount, paid, voided, status, state) => {
    expect(invoiceStatus({ amount, paid, voided })).toBe(status);
    expect(invoiceState({ amount, paid, voided })).toBe(state);
  });

  it("open balance never goes below zero", () => {
    expect(openBalance({ amount: 1000n, paid: 400n })).toBe(600n);
    expect(openBalance({ amount: 1000n, paid: 1000n })).toBe(0n);
    expect(openBalance({ amount: 1000n, paid: 1200n })).toBe(0n);
  });

  it("only an unpaid, unvoided invoice may be voided", () => {
    expect(canVoid({ paid: 0n, status: "OPEN" })).toBe(true);
    expect(canVoid({ paid: 1n, status: "OPEN" })).toBe(false);
    expect(canVoid({ paid: 0n, status: "VOID" })).toBe(false);
  });
});

describe("payment allocation (回款核销)", () => {
  const inv = (id: string, dueOn: string, open: bigint, issuedOn = "2026-01-01"): OpenInvoice => ({
    id,
    invoiceNo: id.toUpperCase(),
    issuedOn,
    dueOn,
    open,
  });
  const open = [inv("c", "2026-11-01", 300n), inv("a", "2026-09-01", 100n), inv("b", "2026-10-01", 200n)];

  it("settles the oldest due first by default", () => {
    expect(allocatePayment(250n, open)).toEqual({
      ok: true,
      allocations: [
        { invoiceId: "a", amount: 100n },
        { invoiceId: "b", amount: 150n },
      ],
    });
  });

  it("settles everything when the payment equals what is open", () => {
    const r = allocatePayment(600n, open);
    expect(r.ok && r.allocations.map((a) => a.amount)).toEqual([100n, 200n, 300n]);
  });

  it("breaks due-date ties by issue date, then number", () => {
    const tied = [inv("y", "2026-09-01", 10n, "2026-02-01"), inv("x", "2026-09-01", 10n, "2026-03-01")];
    expect(oldestFirst(tied).map((i) => i.id)).toEqual(["y", "x"]);
    const same = [inv("q", "2026-09-01", 10n), inv("p", "2026-09-01", 10n)];
    expect(oldestFirst(same).map((i) => i.id)).toEqual(["p", "q"]);
  });

  it("refuses more than what is open, and nothing or less than nothing", () => {
    expect(allocatePayment(601n, open)).toEqual({ ok: false, problem: "exceedsOpen" });
    expect(allocatePayment(0n, open)).toEqual({ ok: false, problem: "amountNotPositive" });
    expect(allocatePayment(-5n, open)).toEqual({ ok: false, problem: "amountNotPositive" });
    expect(allocatePayment(1n, [])).toEqual({ ok: false, problem: "exceedsOpen" });
  });

  it("takes explicit lines as given when they add up", () => {
    const lines = [
      { invoiceId: "c", amount: 300n },
      { invoiceId: "a", amount: 50n },
    ];
    expect(allocatePayment(350n, open, lines)).toEqual({ ok: true, allocations: lines });
  });

  it.each([
    [[{ invoiceId: "zz", amount: 10n }], 10n, "unknownInvoice"],
    [
      [
        { invoiceId: "a", amount: 10n },
        { invoiceId: "a", amount: 10n },
      ],
      20n,
      "duplicateInvoice",
    ],
    [[{ invoiceId: "a", amount: 0n }], 0n + 1n, "lineNotPositive"],
    [[{ invoiceId: "a", amount: 101n }], 101n, "lineExceedsOpen"],
    [[{ invoiceId: "a", amount: 50n }], 60n, "sumMismatch"],
  ] as const)("refuses explicit lines (case %#): %s", (lines, amount, problem) => {
    const r = allocatePayment(amount, open, lines);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toBe(problem);
  });

  it("never allocates more than the payment or an invoice's balance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10_000n }), { minLength: 1, maxLength: 8 }),
        fc.bigInt({ min: 1n, max: 80_000n }),
        (balances, amount) => {
          const invoices = balances.map((b, k) => inv(`i${k}`, addDays("2026-01-01", k * 7), b));
          const r = allocatePayment(amount, invoices);
          const total = balances.reduce((s, b) => s + b, 0n);
          if (amount > total) {
            expect(r.ok).toBe(false);
            return;
          }
          if (!r.ok) throw new Error("expected an allocation");
          expect(r.allocations.reduce((s, a) => s + a.amount, 0n)).toBe(amount);
          for (const a of r.allocations) {
            expect(a.amount).toBeGreaterThan(0n);
            expect(a.amount).toBeLessThanOrEqual(invoices.find((i) => i.id === a.invoiceId)!.open);
          }
        },
      ),
    );
  });
});

describe("exposure (授信额度)", () => {
  it.each([
    [0n, 1000n, false, 1000n, 0],
    [999n, 1000n, false, 1n, 9990],
    [1000n, 1000n, false, 0n, 10_000],
    [1001n, 1000n, true, -1n, 10_010],
    [0n, 0n, false, 0n, null],
    [1n, 0n, true, -1n, null],
  ] as const)("open %s vs limit %s → over %s, headroom %s", (open, limit, over, headroom, bp) => {
    const e = exposure(open, limit);
    expect(e.overLimit).toBe(over);
    expect(e.headroom).toBe(headroom);
    expect(e.utilisationBp).toBe(bp);
  });
});

describe("alert rules", () => {
  it.each([
    [500n, 1000n, 0n, []],
    [1000n, 1000n, 0n, []],
    [1001n, 1000n, 0n, ["receivables.overLimit"]],
    [500n, 1000n, 1n, ["receivables.overdue"]],
    [1n, 0n, 1n, ["receivables.overLimit", "receivables.overdue"]],
    [0n, 0n, 0n, []],
  ] as const)("open %s limit %s overdue %s", (openBalanceFen, creditLimit, overdueAmount, kinds) => {
    expect(receivablesAlerts({ openBalance: openBalanceFen, creditLimit, overdueAmount })).toEqual(kinds);
  });
});

describe("credit-limit decisions", () => {
  it("approving sets the requested limit; rejecting keeps the current one", () => {
    const req = { status: "PENDING" as const, requestedLimit: 5000n };
    expect(decideCredit(req, 1000n, "approve")).toEqual({ ok: true, status: "APPROVED", newLimit: 5000n });
    expect(decideCredit(req, 1000n, "reject")).toEqual({ ok: true, status: "REJECTED", newLimit: 1000n });
  });

  it.each(["APPROVED", "REJECTED", "WITHDRAWN"] as const)(
    "a %s request cannot be decided again",
    (status) => {
      expect(decideCredit({ status, requestedLimit: 1n }, 0n, "approve")).toEqual({
        ok: false,
        problem: "notPending",
      });
    },
  );
});
