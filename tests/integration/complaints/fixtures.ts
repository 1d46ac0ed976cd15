// Three small regions of their own for the complaint tests: each a team with a manager and two
// reps. East records complaints on its accounts and hands them to West; North must see nothing.
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { recordComplaint } from "@/lib/data/complaints/write";
import type { RecordComplaintInput } from "@/lib/validation/complaints";
import { contactRow, insertAccount } from "../../factories/accounts";
import { teamRow, uniqueSuffix, userRow } from "../../factories/org";
import { viewerFor } from "../helpers";

export async function region(label: string) {
  const s = uniqueSuffix();
  const team = await db.team.create({ data: teamRow({ name: `${label} ${s}`, nameZh: `${label}区 ${s}` }) });
  const person = async (role: "MANAGER" | "REP", name: string) => {
    const u = await db.user.create({
      data: userRow({ passwordHash: "x", role, teamId: team.id, name: `${name}${s}` }),
      select: { id: true },
    });
    return u.id;
  };
  const managerId = await person("MANAGER", "经理");
  const rep1Id = await person("REP", "代表甲");
  const rep2Id = await person("REP", "代表乙");
  await db.team.update({ where: { id: team.id }, data: { managerId } });
  return {
    team,
    manager: await viewerFor(managerId),
    rep1: await viewerFor(rep1Id),
    rep2: await viewerFor(rep2Id),
  };
}
export type Region = Awaited<ReturnType<typeof region>>;

/** An account of `ownerId` with two contacts. */
export async function accountWithContacts(ownerId: string) {
  const account = await insertAccount(db, { ownerId });
  const [a, b] = await Promise.all([
    db.contact.create({ data: contactRow({ accountId: account.id, name: `采购经理 ${uniqueSuffix()}` }) }),
    db.contact.create({ data: contactRow({ accountId: account.id, name: `质量主管 ${uniqueSuffix()}` }) }),
  ]);
  return { account, contacts: [a, b] };
}

export function complaintInput(
  accountId: string,
  over: Partial<RecordComplaintInput> = {},
): RecordComplaintInput {
  return {
    accountId,
    channel: "CALL",
    category: "QUALITY",
    severity: "HIGH",
    title: "第三批货有划痕",
    customerWords: "这批货表面有明显划痕，我们产线已经停了半天。",
    contactIds: [],
    dealId: null,
    agreementId: null,
    visitRecordId: null,
    handlerId: null,
    sendSurveyOnClose: true,
    ...over,
  };
}

export async function record(
  viewer: Viewer,
  accountId: string,
  over: Partial<RecordComplaintInput> = {},
  now?: Date,
) {
  return recordComplaint(viewer, complaintInput(accountId, over), now);
}

export const versionOf = async (id: string) =>
  (await db.complaint.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
