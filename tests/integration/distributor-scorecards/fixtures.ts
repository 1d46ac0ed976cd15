// Planted channel rows for one quarter far from the demo data (2019-Q2), so every figure can be
// computed by hand: two East distributors and one in the North.
import { deriveSurveyToken } from "@/lib/auth/survey-token";
import { db } from "@/lib/db";
import { submitSurveyAnswer } from "@/lib/data/surveys/answer";
import { sendDistributorSurvey } from "@/lib/data/surveys/send-distributor";
import type { Viewer } from "@/lib/domain/access";
import { toDbDate } from "@/lib/domain/calendar";
import { distributorRow } from "../../factories/channel";
import { uniqueSuffix } from "../../factories/org";

export const QUARTER = "2019-Q2";

type Planted = { a: string; b: string; c: string; product: string };

async function rollup(
  distributorId: string,
  teamId: string,
  productId: string,
  month: string,
  sellIn: bigint,
  sellOut: bigint,
) {
  await db.channelMonthRollup.create({
    data: {
      month: toDbDate(month),
      distributorId,
      productId,
      teamId,
      sellInAmount: sellIn,
      sellOutAmount: sellOut,
      sellInQty: 1n,
      sellOutQty: 1n,
    },
  });
}

async function invoice(
  d: { id: string; teamId: string; ownerId: string },
  dueOn: string,
  amount: bigint,
  paidOn: string | null,
) {
  const s = uniqueSuffix();
  const inv = await db.channelInvoice.create({
    data: {
      invoiceNo: `INV-T-${s}`,
      distributorId: d.id,
      issuedOn: toDbDate("2019-03-01"),
      dueOn: toDbDate(dueOn),
      amount,
      paidAmount: paidOn ? amount : 0n,
      status: paidOn ? "PAID" : "OPEN",
      teamId: d.teamId,
      ownerId: d.ownerId,
    },
  });
  if (!paidOn) return;
  const pay = await db.channelPayment.create({
    data: {
      paymentNo: `PAY-T-${s}`,
      distributorId: d.id,
      receivedOn: toDbDate(paidOn),
      amount,
      teamId: d.teamId,
    },
  });
  await db.channelPaymentAllocation.create({ data: { paymentId: pay.id, invoiceId: inv.id, amount } });
}

async function conflict(
  d: { id: string; teamId: string; ownerId: string },
  createdAt: string,
  resolved: { at: string; outcome: "WARNING" | "REBATE_DEDUCTION" } | null,
) {
  await db.channelConflict.create({
    data: {
      number: `CC-T-${uniqueSuffix()}`,
      kind: "BELOW_FLOOR_PRICE",
      status: resolved ? "RESOLVED" : "NEGOTIATION",
      distributorId: d.id,
      ownerId: d.ownerId,
      teamId: d.teamId,
      createdAt: new Date(createdAt),
      resolvedAt: resolved ? new Date(resolved.at) : null,
      outcome: resolved?.outcome ?? null,
    },
  });
}

/**
 * A: sell-in 900 in the quarter against a target of 1,200 (75 %), 600 a year earlier (+50 %),
 * stock 300 over 200 a month (1.5 months), one invoice on time and one 30 days late, one case
 * open and one resolved with a warning. B: sell-in 100, sold out, nothing else. C: North.
 */
export async function plantQuarter(): Promise<Planted> {
  const east = await db.distributor.findUniqueOrThrow({ where: { id: "dst_001" } });
  const north = await db.distributor.findFirstOrThrow({
    where: { ownerId: "usr_north_channel", stage: "SIGNED" },
  });
  const product = await db.product.findFirstOrThrow({ select: { id: true } });
  const make = (from: typeof east) =>
    db.distributor.create({
      data: distributorRow({
        territoryId: from.territoryId,
        ownerId: from.ownerId,
        teamId: from.teamId,
        stage: "SIGNED",
      }),
    });
  const [a, b, c] = [await make(east), await make(east), await make(north)];
  const p = product.id;
  await rollup(a.id, a.teamId, p, "2019-04-01", 300n, 100n);
  await rollup(a.id, a.teamId, p, "2019-05-01", 300n, 200n);
  await rollup(a.id, a.teamId, p, "2019-06-01", 300n, 300n);
  await rollup(a.id, a.teamId, p, "2018-05-01", 600n, 600n);
  await rollup(b.id, b.teamId, p, "2019-05-01", 100n, 100n);
  await rollup(c.id, c.teamId, p, "2019-05-01", 50n, 10n);
  await db.channelAgreement.create({
    data: {
      number: `QX-T-${uniqueSuffix()}`,
      distributorId: a.id,
      status: "ACTIVE",
      ownerId: a.ownerId,
      teamId: a.teamId,
      versions: {
        create: {
          number: 1,
          startsOn: toDbDate("2019-01-01"),
          endsOn: toDbDate("2019-12-31"),
          annualTarget: 4_200n,
          quarterlyTargets: [1_000n, 1_200n, 1_000n, 1_000n],
          rebateRules: { period: "QUARTER", bands: [] },
        },
      },
    },
  });
  await invoice(a, "2019-04-30", 100n, "2019-04-28");
  await invoice(a, "2019-05-31", 100n, "2019-06-30");
  await conflict(a, "2019-05-10T02:00:00Z", null);
  await conflict(a, "2019-04-02T02:00:00Z", { at: "2019-05-20T02:00:00Z", outcome: "WARNING" });
  return { a: a.id, b: b.id, c: c.id, product: p };
}

/**
 * A satisfaction survey (CSAT and NPS) sent by `viewer` to a distributor's two new contacts on
 * 2019-05-10, open until 2019-07-31: its id and each contact's token, in the contacts' order.
 */
export async function sendChannelSurvey(viewer: Viewer, distributorId: string) {
  const template = await db.surveyTemplate.create({
    data: {
      code: `channel-${uniqueSuffix()}`,
      name: "经销商满意度调研",
      nameEn: "Distributor satisfaction survey",
      kind: "CUSTOM",
      versions: {
        create: {
          number: 1,
          titleZh: "经销商合作满意度调研",
          titleEn: "How is our partnership going?",
          questions: [
            { key: "csat", type: "CSAT", required: true, labelZh: "整体满意度", labelEn: "Satisfaction" },
            { key: "nps", type: "NPS", required: true, labelZh: "推荐意愿", labelEn: "Recommend" },
          ],
        },
      },
    },
  });
  for (const [k, name] of ["周经理", "吴会计"].entries())
    await db.distributorContact.create({ data: { distributorId, name, isPrimary: k === 0 } });
  const { surveyId } = await sendDistributorSurvey(
    viewer,
    {
      distributorId,
      templateId: template.id,
      audience: "allContacts",
      contactIds: [],
      closesOn: "2019-07-31",
      locale: "zh-CN",
    },
    new Date("2019-05-10T02:00:00Z"),
  );
  const links = await db.surveyInvitation.findMany({
    where: { surveyId },
    select: { tokenSalt: true, distributorContact: { select: { createdAt: true } } },
  });
  links.sort((x, y) => x.distributorContact!.createdAt.getTime() - y.distributorContact!.createdAt.getTime());
  return { surveyId, tokens: links.map((l) => deriveSurveyToken(process.env.NEXTAUTH_SECRET!, l.tokenSalt)) };
}

/** A contact's answer through their link at `at`: the outcome's kind. */
export async function answer(token: string, raw: Record<string, string>, at: string) {
  const ip = `10.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  return (await submitSurveyAnswer({ token, raw, ip, now: new Date(at) })).kind;
}
