// Channel agreements and rebate statements against the real database: versions keep approved
// statements reproducible, band edges on real sell-in, scope, exclusivity on signing, stale
// versions and who may approve.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  changeAgreementTerms,
  createAgreement,
  signAgreement,
  terminateAgreement,
} from "@/lib/data/channel-agreements/write";
import { getAgreement } from "@/lib/data/channel-agreements/detail";
import { loadAgreementsSection } from "@/lib/data/channel-agreements/section";
import { previewRebateStatement } from "@/lib/data/rebates/compute";
import { getRebateStatement } from "@/lib/data/rebates/list";
import {
  recomputeRebateStatement,
  reproduceRebateStatement,
  reviewRebateStatement,
  saveRebateStatement,
  submitRebateStatement,
} from "@/lib/data/rebates/write";
import type { Viewer } from "@/lib/domain/access";
import { chinaDate, toDbDate } from "@/lib/domain/calendar";
import type { AgreementTerms } from "@/lib/domain/channel-agreements";
import { AppError } from "@/lib/errors";
import { distributorRow } from "../../factories/channel";
import { uniqueSuffix } from "../../factories/org";
import { outcome, viewerFor } from "../helpers";

const YEAR = Number(chinaDate(new Date()).slice(0, 4));
const Q = 1_000_000_00n; // the quarterly target: 1,000,000 yuan in fen

let channel: Viewer;
let manager: Viewer;
let northChannel: Viewer;
let territoryId: string;
let products: { id: string; listPrice: bigint }[];

function terms(overrides: Partial<AgreementTerms> = {}): AgreementTerms {
  return {
    startsOn: `${YEAR}-01-01`,
    endsOn: `${YEAR}-12-31`,
    territoryId,
    annualTarget: 4n * Q,
    quarterlyTargets: [Q, Q, Q, Q],
    rebateRules: {
      period: "QUARTER",
      bands: [
        { fromBp: 8_000, rateBp: 100 },
        { fromBp: 10_000, rateBp: 200 },
      ],
    },
    discountBp: 300,
    marketSupportFund: 50_000_00n,
    deposit: 200_000_00n,
    paymentTermDays: 45,
    creditLimit: 1_000_000_00n,
    products: products.map((p) => ({ productId: p.id, floorPrice: (p.listPrice * 80n) / 100n })),
    ...overrides,
  };
}

async function negotiatingDistributor(exclusive: boolean) {
  return db.distributor.create({
    data: {
      ...distributorRow({ territoryId, ownerId: "usr_east_channel", teamId: "team_east" }),
      stage: "NEGOTIATION",
      coverage: { create: [{ territoryId, exclusive, active: false }] },
    },
    select: { id: true },
  });
}

async function sellIn(distributorId: string, shippedOn: string, amount: bigint) {
  await db.sellInLine.create({
    data: {
      distributorId,
      documentNo: `SI-${uniqueSuffix()}`,
      shippedOn: toDbDate(shippedOn),
      productId: products[0]!.id,
      quantity: 1,
      unitPrice: amount,
      amount,
      teamId: "team_east",
    },
  });
}

async function signedAgreement() {
  const d = await negotiatingDistributor(false);
  const a = await createAgreement(channel, { distributorId: d.id, terms: terms() });
  await signAgreement(channel, { id: a.id, version: 1 });
  return { distributorId: d.id, agreementId: a.id };
}

beforeAll(async () => {
  [channel, manager, northChannel] = await Promise.all([
    viewerFor("usr_east_channel"),
    viewerFor("usr_east_manager"),
    viewerFor("usr_north_channel"),
  ]);
  territoryId = (await db.territory.findFirstOrThrow({ where: { code: "310000" }, select: { id: true } })).id;
  products = await db.product.findMany({ where: { active: true }, take: 2, orderBy: { code: "asc" } });
});

describe("agreements", () => {
  it("changing terms makes a new version and leaves the old one as it was", async () => {
    const d = await negotiatingDistributor(false);
    const a = await createAgreement(channel, { distributorId: d.id, terms: terms() });
    expect(a.number).toMatch(new RegExp(`^QX-${YEAR}-\\d{4}$`));
    const r = await changeAgreementTerms(channel, {
      id: a.id,
      version: 1,
      changeNote: "上调保证金",
      terms: terms({ deposit: 300_000_00n }),
    });
    expect(r.versionNo).toBe(2);
    const detail = await getAgreement(channel, a.id);
    expect(detail.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(detail.versions[1]!.terms.deposit).toBe(200_000_00n);
    expect(detail.current?.terms.deposit).toBe(300_000_00n);
    expect(detail.versions[0]!.changes).toEqual([{ field: "deposit", from: "20000000", to: "30000000" }]);
    // The same stale version again: refused, nothing overwritten.
    expect(
      await outcome(
        changeAgreementTerms(channel, {
          id: a.id,
          version: 1,
          changeNote: "x",
          terms: terms({ deposit: 1n }),
        }),
      ),
    ).toBe("CONFLICT");
    expect(await db.channelAgreementVersion.count({ where: { agreementId: a.id } })).toBe(2);
  });

  it("refuses terms whose quarters do not add up or whose floor price is above list", async () => {
    const d = await negotiatingDistributor(false);
    const bad = terms({
      quarterlyTargets: [Q, Q, Q, Q - 1n],
      products: [{ productId: products[0]!.id, floorPrice: products[0]!.listPrice + 1n }],
    });
    const err = await createAgreement(channel, { distributorId: d.id, terms: bad }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(Object.keys((err as AppError).fieldErrors ?? {}).sort()).toEqual(
      ["quarterlyTargets", `floor_${products[0]!.id}`].sort(),
    );
  });

  it("signing makes the distributor signed in the same transaction", async () => {
    const { distributorId, agreementId } = await signedAgreement();
    const [a, d] = await Promise.all([
      db.channelAgreement.findUniqueOrThrow({ where: { id: agreementId } }),
      db.distributor.findUniqueOrThrow({ where: { id: distributorId }, include: { coverage: true } }),
    ]);
    expect(a.status).toBe("ACTIVE");
    expect(a.signedAt).not.toBeNull();
    expect(d.stage).toBe("SIGNED");
    expect(d.coverage.every((c) => c.active)).toBe(true);
    expect(await outcome(signAgreement(channel, { id: agreementId, version: a.version }))).toBe("VALIDATION");
  });

  it("signing into a taken exclusive territory is refused with a message, and nothing changes", async () => {
    // dst_001 holds Shanghai (310000) exclusively in the demo data.
    const d = await negotiatingDistributor(true);
    const a = await createAgreement(channel, { distributorId: d.id, terms: terms() });
    const err = await signAgreement(channel, { id: a.id, version: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("VALIDATION");
    expect((err as AppError).fieldErrors?._form).toEqual(["validation.exclusiveTerritoryTaken"]);
    expect((await db.channelAgreement.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("DRAFT");
    expect((await db.distributor.findUniqueOrThrow({ where: { id: d.id } })).stage).toBe("NEGOTIATION");
  });

  it("terminates only an active agreement", async () => {
    const { agreementId } = await signedAgreement();
    await terminateAgreement(channel, { id: agreementId, version: 2, note: "违约" });
    expect((await db.channelAgreement.findUniqueOrThrow({ where: { id: agreementId } })).status).toBe(
      "TERMINATED",
    );
    expect(await outcome(terminateAgreement(channel, { id: agreementId, version: 3, note: "x" }))).toBe(
      "VALIDATION",
    );
  });

  it("another region's channel manager finds nothing", async () => {
    const { distributorId, agreementId } = await signedAgreement();
    expect(await outcome(getAgreement(northChannel, agreementId))).toBe("NOT_FOUND");
    expect(await outcome(loadAgreementsSection(northChannel, distributorId))).toBe("NOT_FOUND");
    expect(
      await outcome(
        changeAgreementTerms(northChannel, { id: agreementId, version: 2, changeNote: "x", terms: terms() }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(previewRebateStatement(northChannel, { distributorId, periodKey: `${YEAR}-Q1` })),
    ).toBe("NOT_FOUND");
  });
});

describe("rebate statements", () => {
  it("band edges on real sell-in: 79.99…% pays nothing, exactly 80 % and 100 % take the higher band", async () => {
    const { distributorId } = await signedAgreement();
    await sellIn(distributorId, `${YEAR}-01-15`, (Q * 8n) / 10n - 1n); // Q1: one fen short of 80 %
    await sellIn(distributorId, `${YEAR}-04-01`, (Q * 8n) / 10n); // Q2: exactly 80 %, first day
    await sellIn(distributorId, `${YEAR}-09-30`, Q); // Q3: exactly 100 %, last day
    await sellIn(distributorId, `${YEAR}-06-30`, 50_00n); // Q2 last day …
    await sellIn(distributorId, `${YEAR}-06-30`, -50_00n); // … returned the same day
    const q = (n: number) => previewRebateStatement(channel, { distributorId, periodKey: `${YEAR}-Q${n}` });
    const [q1, q2, q3] = await Promise.all([q(1), q(2), q(3)]);
    expect([q1.achievementBp, q1.rateBp, q1.payable]).toEqual([7_999, 0, 0n]);
    expect(q1.workings.noRebateReason).toBe("belowBands");
    expect([q2.achievementBp, q2.rateBp, q2.rebateAmount]).toEqual([8_000, 100, (Q * 8n) / 10n / 100n]);
    expect([q3.achievementBp, q3.rateBp, q3.rebateAmount]).toEqual([10_000, 200, Q / 50n]);
  });

  it("an approved statement stays reproducible from its version after the terms change", async () => {
    const { distributorId, agreementId } = await signedAgreement();
    await sellIn(distributorId, `${YEAR}-02-10`, Q);
    const conflict = await db.channelConflict.create({
      data: {
        number: `CC-T-${uniqueSuffix()}`,
        kind: "BELOW_FLOOR_PRICE",
        status: "RESOLVED",
        distributorId,
        outcome: "REBATE_DEDUCTION",
        outcomeAmount: 3_000_00n,
        resolvedAt: new Date(`${YEAR}-03-10T04:00:00Z`),
        ownerId: "usr_east_channel",
        teamId: "team_east",
      },
    });
    const s = await saveRebateStatement(channel, { distributorId, periodKey: `${YEAR}-Q1` });
    expect(s.number).toMatch(new RegExp(`^FD-${YEAR}-Q1-\\d{4}$`));
    expect(await outcome(saveRebateStatement(channel, { distributorId, periodKey: `${YEAR}-Q1` }))).toBe(
      "VALIDATION",
    );
    const saved = await db.rebateStatement.findUniqueOrThrow({ where: { id: s.id } });
    expect(saved.rebateAmount).toBe(Q / 50n); // 100 % → 2 %
    expect(saved.deductions).toBe(3_000_00n);
    expect(saved.payable).toBe(Q / 50n - 3_000_00n);
    expect((saved.workings as { deductions: { conflictId: string }[] }).deductions[0]!.conflictId).toBe(
      conflict.id,
    );

    await submitRebateStatement(channel, { id: s.id, version: 1 });
    // A channel manager may not approve; a manager may.
    expect(
      await outcome(
        reviewRebateStatement(channel, { id: s.id, version: 2, decision: "APPROVE", note: null }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(reviewRebateStatement(manager, { id: s.id, version: 2, decision: "REJECT", note: null })),
    ).toBe("VALIDATION");
    await reviewRebateStatement(manager, { id: s.id, version: 2, decision: "APPROVE", note: "同意" });
    expect(await outcome(recomputeRebateStatement(channel, { id: s.id, version: 3 }))).toBe("VALIDATION");

    // New terms: a higher bar for every band.
    const a = await db.channelAgreement.findUniqueOrThrow({ where: { id: agreementId } });
    await changeAgreementTerms(channel, {
      id: agreementId,
      version: a.version,
      changeNote: "提高门槛",
      terms: terms({ rebateRules: { period: "QUARTER", bands: [{ fromBp: 12_000, rateBp: 500 }] } }),
    });
    const again = await reproduceRebateStatement(channel, s.id);
    expect(again.agreementVersionId).toBe(saved.agreementVersionId);
    expect([again.achieved, again.rateBp, again.rebateAmount, again.deductions, again.payable]).toEqual([
      saved.achieved,
      saved.rateBp,
      saved.rebateAmount,
      saved.deductions,
      saved.payable,
    ]);
    const frozen = await getRebateStatement(manager, s.id);
    expect(frozen.statement.status).toBe("APPROVED");
    expect(frozen.rights).toEqual({ recompute: false, submit: false, review: false });
  });

  it("a stale version of a statement answers a conflict", async () => {
    const { distributorId } = await signedAgreement();
    const s = await saveRebateStatement(channel, { distributorId, periodKey: `${YEAR}-Q2` });
    await recomputeRebateStatement(channel, { id: s.id, version: 1 });
    expect(await outcome(submitRebateStatement(channel, { id: s.id, version: 1 }))).toBe("CONFLICT");
    expect(await outcome(getRebateStatement(northChannel, s.id))).toBe("NOT_FOUND");
  });

  it("no signed agreement in the period → a field error, not a statement", async () => {
    const d = await negotiatingDistributor(false);
    await createAgreement(channel, { distributorId: d.id, terms: terms() });
    const err = await previewRebateStatement(channel, { distributorId: d.id, periodKey: `${YEAR}-Q1` }).catch(
      (e) => e,
    );
    expect((err as AppError).fieldErrors?.periodKey).toEqual(["channelAgreements.problems.noAgreement"]);
  });
});

describe("demo rebate statements", () => {
  it("cover every status with well-formed numbers and figures that match their workings", async () => {
    const rows = await db.rebateStatement.findMany({ where: { id: { startsWith: "rbs_" } } });
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"]),
    );
    for (const r of rows) {
      expect(r.number).toMatch(/^FD-\d{4}-Q[1-4]-\d{4}$/);
      expect(r.payable).toBe(r.rebateAmount - r.deductions > 0n ? r.rebateAmount - r.deductions : 0n);
      expect((r.workings as { payable: string }).payable).toBe(r.payable.toString());
    }
  });
});
