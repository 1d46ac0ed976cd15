// previewRebateStatement's budget: p95 ≤ 200 ms on a distributor with a year of dense sell-in, and
// within 2× the hand-written SQL that sums the same rows (the scope check and one query on top).
import { performance } from "node:perf_hooks";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAgreement, signAgreement } from "@/lib/data/channel-agreements/write";
import { previewRebateStatement } from "@/lib/data/rebates/compute";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
import { distributorRow } from "../../factories/channel";
import { viewerFor } from "../helpers";

const YEAR = Number(chinaDate(new Date()).slice(0, 4));
const LINES = 20_000;
const RUNS = 40;

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.95) - 1]!;

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(); // warm up the pool and plans
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

let distributorId: string;

beforeAll(async () => {
  const channel = await viewerFor("usr_east_channel");
  const territoryId = (await db.territory.findFirstOrThrow({ where: { code: "320500" } })).id;
  const d = await db.distributor.create({
    data: {
      ...distributorRow({ territoryId, ownerId: "usr_east_channel", teamId: "team_east" }),
      stage: "NEGOTIATION",
      coverage: { create: [{ territoryId, exclusive: false }] },
    },
  });
  distributorId = d.id;
  const product = await db.product.findFirstOrThrow({ where: { active: true } });
  const a = await createAgreement(channel, {
    distributorId,
    terms: {
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      territoryId,
      annualTarget: 400_000_000n,
      quarterlyTargets: [100_000_000n, 100_000_000n, 100_000_000n, 100_000_000n],
      rebateRules: { period: "QUARTER", bands: [{ fromBp: 8_000, rateBp: 100 }] },
      discountBp: 0,
      marketSupportFund: 0n,
      deposit: 0n,
      paymentTermDays: 30,
      creditLimit: 0n,
      products: [{ productId: product.id, floorPrice: null }],
    },
  });
  await signAgreement(channel, { id: a.id, version: 1 });
  const days = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(YEAR, 0, 1 + i)));
  await db.sellInLine.createMany({
    data: Array.from({ length: LINES }, (_, i) => ({
      distributorId,
      documentNo: `BENCH-${i}`,
      shippedOn: days[i % days.length]!,
      productId: product.id,
      quantity: 1,
      unitPrice: 10_000n,
      amount: 10_000n,
      teamId: "team_east",
    })),
  });
  await db.$executeRawUnsafe(`ANALYZE "SellInLine"`);
}, 120_000);

describe("previewRebateStatement timing", () => {
  it("meets p95 ≤ 200 ms and stays within 2× the raw SQL", async () => {
    const channel = await viewerFor("usr_east_channel");
    const start = toDbDate(`${YEAR}-07-01`);
    const end = toDbDate(`${YEAR}-09-30`);
    const app = await timed(() =>
      previewRebateStatement(channel, { distributorId, periodKey: `${YEAR}-Q3` }),
    );
    const raw = await timed(
      () => db.$queryRaw`
        SELECT (SELECT COALESCE(SUM(amount), 0) FROM "SellInLine"
                 WHERE "distributorId" = ${distributorId} AND "shippedOn" BETWEEN ${start} AND ${end}
                   AND "deletedAt" IS NULL) AS achieved,
               (SELECT COALESCE(SUM("outcomeAmount"), 0) FROM "ChannelConflict"
                 WHERE "distributorId" = ${distributorId} AND outcome = 'REBATE_DEDUCTION') AS deductions`,
    );
    const figures = { appP95: p95(app), rawP95: p95(raw) };
    console.info("[rebate preview timing ms]", figures);
    expect(figures.appP95).toBeLessThanOrEqual(200);
    expect(figures.appP95).toBeLessThanOrEqual(2 * figures.rawP95);
  });
});
