// Small regions of their own for the receivables tests: a team with a manager and a channel
// manager who covers one city, and signed distributors there with invoices planted on exact days.
import { db } from "@/lib/db";
import { addDays, toDbDate } from "@/lib/domain/calendar";
import { distributorRow } from "../../factories/channel";
import { teamRow, territoryRow, uniqueSuffix, userRow } from "../../factories/org";
import { viewerFor } from "../helpers";

export async function region(label: string) {
  const s = uniqueSuffix();
  const team = await db.team.create({ data: teamRow({ name: `${label} ${s}` }) });
  const territory = await db.territory.create({ data: territoryRow({ teamId: team.id }) });
  const person = async (role: "MANAGER" | "CHANNEL_MANAGER", name: string) =>
    (
      await db.user.create({
        data: userRow({ passwordHash: "x", role, teamId: team.id, name: `${name}${s}` }),
      })
    ).id;
  const managerId = await person("MANAGER", "经理");
  const channelId = await person("CHANNEL_MANAGER", "渠道经理");
  await db.team.update({ where: { id: team.id }, data: { managerId } });
  await db.channelTerritoryAssignment.create({ data: { userId: channelId, territoryId: territory.id } });
  return { team, territory, manager: await viewerFor(managerId), channel: await viewerFor(channelId) };
}
export type Region = Awaited<ReturnType<typeof region>>;

export async function distributor(r: Region, creditLimit = 0n) {
  return db.distributor.create({
    data: distributorRow({
      territoryId: r.territory.id,
      ownerId: r.channel.id,
      teamId: r.team.id,
      stage: "SIGNED",
      creditLimit,
    }),
  });
}

let serial = 0;
/** An invoice due `daysAgo` days before `asOf` (negative: after it), with `paid` of `amount` paid. */
export async function invoice(
  d: { id: string; teamId: string; ownerId: string },
  asOf: string,
  daysAgo: number,
  amount: bigint,
  opts: { paid?: bigint; status?: "OPEN" | "PAID" | "VOID" } = {},
) {
  const dueOn = addDays(asOf, -daysAgo);
  const paid = opts.paid ?? 0n;
  return db.channelInvoice.create({
    data: {
      invoiceNo: `T-${uniqueSuffix()}-${++serial}`,
      distributorId: d.id,
      issuedOn: toDbDate(addDays(dueOn, -30)),
      dueOn: toDbDate(dueOn),
      amount,
      paidAmount: paid,
      status: opts.status ?? (paid >= amount ? "PAID" : "OPEN"),
      teamId: d.teamId,
      ownerId: d.ownerId,
    },
  });
}

/** Noon in China on a calendar day (the instant the ageing is asked for). */
export const chinaNoon = (day: string) => new Date(toDbDate(day).getTime() + 4 * 3_600_000);
