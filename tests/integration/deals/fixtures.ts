// Shared fixtures of the pipeline's integration tests: deals at a known stage, each stage's work
// done, people on the account, agreements, and the refusal a promise rejects with.
import { createContact } from "@/lib/data/contacts";
import { listBoardDeals } from "@/lib/data/deals/board";
import { createDeal, updateStageWork } from "@/lib/data/deals/changes";
import { GateRefusedError } from "@/lib/data/deals/gate-refusal";
import { moveDeal } from "@/lib/data/deals/moves";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { type DealStage } from "@/lib/domain/pipeline";
import { chinaToday } from "@/lib/domain/calendar";
import { AppError } from "@/lib/errors";
import { createContactSchema } from "@/lib/validation/contacts";
import { auditRowsFor } from "../helpers";
import { insertAgreement } from "../../factories/deals";

export const DAY = 86_400_000;
let serial = 0;
/** A prefix no other deal shares, for board and figure queries filtered with `q`. */
export const uniquePrefix = (label: string) => `${label}-${Date.now().toString(36)}-${++serial}`;

/**
 * The code and field errors a promise rejects with, and the gate refusal (unmet items by id) when it
 * was refused at a gate; fails the test if it resolves or throws otherwise.
 */
export async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) {
    throw new Error(`expected an AppError, got ${error === null ? "success" : String(error)}`);
  }
  const gate = error instanceof GateRefusedError ? { gate: error.refusal } : {};
  return { code: error.code, fieldErrors: error.fieldErrors, ...gate };
}

/** The refusal of a move at a gate with these unmet items. */
export const gateUnmet = (...unmet: string[]) => ({ code: "GATE_UNMET", unmet });
export const STAGE_2_ITEMS = ["sampleProvided", "insideContact", "informationSufficient", "needsClear"];
export const STAGE_3_ITEMS = ["probability", "obstacles", "devCost", "programme"];
export const STAGE_5_ITEMS = ["seniorMeeting", "siteAudit", "systemSupport"];

export const dealRow = (id: string) => db.deal.findUniqueOrThrow({ where: { id } });
export const historyOf = (dealId: string) =>
  db.dealStageChange.findMany({ where: { dealId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
export const actionsFor = async (id: string) => (await auditRowsFor(id)).map((r) => r.action);

export async function newDeal(
  viewer: Viewer,
  accountId: string,
  title: string,
  extra: { expectedValueYuan?: number; expectedCloseDate?: Date | null } = {},
) {
  const { id } = await createDeal(viewer, {
    accountId,
    title,
    expectedValue: BigInt(Math.round((extra.expectedValueYuan ?? 1_000_000) * 100)),
    expectedCloseDate: extra.expectedCloseDate ?? null,
    products: "精密结构件",
  });
  return id;
}

export type StageWorkInput = Parameters<typeof updateStageWork>[1];
export type Section = StageWorkInput extends infer U
  ? U extends unknown
    ? Omit<U, "id" | "version">
    : never
  : never;

/** Saves one stage's work at the deal's current version. */
export async function work(viewer: Viewer, id: string, section: Section) {
  const { version } = await dealRow(id);
  return updateStageWork(viewer, { id, version, ...section });
}

/** Moves at the deal's current version. */
export async function move(
  viewer: Viewer,
  id: string,
  to: DealStage | "LOST",
  extra: { overrideReason?: string; lostReasonId?: string; note?: string } = {},
) {
  const { version } = await dealRow(id);
  return moveDeal(viewer, { id, version, to, ...extra });
}

export const TARGET_DONE = {
  section: "TARGET",
  potentialNeed: "现有供应商交期不稳定，希望引入第二供应商",
  needUrgency: 4,
  initialCommunication: "采购经理电话沟通，愿意看样",
  businessCondition: "成立十二年，年产值八亿",
  opportunity: "YES",
} satisfies Section;
export const INFORMATION_DONE = {
  section: "INFORMATION",
  sampleItem: "铝合金壳体 A-12",
  sampleSentOn: new Date(Date.UTC(2026, 9, 12)),
  sampleSpecAgreed: true,
  sampleAccepted: "YES",
  sampleTechOwner: "技术部 刘工",
  informationSufficient: true,
  needsClear: true,
} satisfies Section;
export const valueDone = (stepOwnerId: string): Section => ({
  section: "VALUE",
  closeProbability: 65,
  expectedDevCost: 8_000_000n,
  obstacles: [{ obstacle: "老供应商价格更低", counterMeasure: "以交期和质量稳定性打动技术部" }],
  programme: [{ step: "安排工厂考察", ownerId: stepOwnerId, due: "2026-12-20", done: false }],
});
export const CLOSING_DONE = {
  section: "CLOSING",
  seniorMeetingHeld: true,
  siteAuditDone: true,
  systemSupportArranged: true,
} satisfies Section;

/** A contact on the account, through the real schema and data layer (as the contact form sends it). */
export async function person(viewer: Viewer, accountId: string, fields: Record<string, string>) {
  serial++;
  return createContact(viewer, createContactSchema.parse({ accountId, name: `联系人 ${serial}`, ...fields }));
}

export const COACH = { buyingRole: "COACH" };
export const STRONG_DM = {
  buyingRole: "DECISION_MAKER",
  relationshipStrength: "5",
  approach: "每月拜访，技术交流",
};

/** Does the work of stages 1–3 and gives the account a 内线 and a strong 决策者 (every gate but 5's met). */
export async function preparedUpToClosing(viewer: Viewer, dealId: string, accountId: string) {
  await work(viewer, dealId, TARGET_DONE);
  await work(viewer, dealId, INFORMATION_DONE);
  await work(viewer, dealId, valueDone(viewer.id));
  await person(viewer, accountId, COACH);
  await person(viewer, accountId, STRONG_DM);
}

/** A calendar date `days` from today in China (where the business's "today" is). */
export const dayFromToday = (days: number) => new Date(chinaToday(new Date()).getTime() + days * DAY);

/** An agreement written directly, as a fixture (no audit), on an account of `ownerId`. */
export async function agreementFixture(accountId: string, ownerId: string, endInDays: number) {
  return insertAgreement(db, {
    accountId,
    ownerId,
    startDate: dayFromToday(endInDays - 365),
    endDate: dayFromToday(endInDays),
  });
}

export const NEXT_TERM = {
  startDate: new Date(Date.UTC(2027, 0, 1)),
  endDate: new Date(Date.UTC(2027, 11, 31)),
  serviceContent: "续签：年度框架供货",
  pricingPolicy: "年度锁价",
  cooperationMode: "DIRECT_SUPPLY" as const,
  contractValue: 600_000_000n,
};

export const boardIds = async (
  viewer: Viewer,
  q: string,
  filters: Parameters<typeof listBoardDeals>[1] = {},
) => (await listBoardDeals(viewer, { q, ...filters })).cards.map((c) => c.id);
