// The daily receivables alerts on PostgreSQL: over-limit and overdue distributors are told to
// their channel manager once per China day, however often (or concurrently) the job runs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runReceivablesAlerts } from "@/lib/data/receivables/alerts";
import { chinaDate } from "@/lib/domain/calendar";
import { findJob } from "@/lib/jobs/registry";
import { distributor, invoice, region, type Region } from "./fixtures";

let east: Region;
let over: { id: string; teamId: string; ownerId: string };
let late: { id: string; teamId: string; ownerId: string };
let fine: { id: string; teamId: string; ownerId: string };
const now = new Date();
const today = chinaDate(now);

beforeAll(async () => {
  east = await region("提醒东");
  over = await distributor(east, 1_000n);
  late = await distributor(east, 1_000_000n);
  fine = await distributor(east, 1_000_000n);
  await invoice(over, today, -10, 5_000n); // not due, but over the limit
  await invoice(late, today, 1, 300n); // one day overdue
  await invoice(fine, today, 0, 300n); // due today: not overdue, within the limit
});

const notes = () =>
  db.notification.findMany({
    where: { entityId: { in: [over.id, late.id, fine.id] } },
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }],
  });

describe("receivables.alerts", () => {
  it("is registered as a scheduled job", () => {
    expect(findJob("receivables.alerts")?.handler).toBe(runReceivablesAlerts);
  });

  it("notifies the channel manager once a day per kind, even when runs race", async () => {
    await Promise.all([runReceivablesAlerts(now), runReceivablesAlerts(now)]);
    await runReceivablesAlerts(new Date(now.getTime() + 60_000));
    const first = await notes();
    expect(first.map((n) => [n.kind, n.entityId, n.userId])).toEqual([
      ["receivables.overLimit", over.id, east.channel.id],
      ["receivables.overdue", late.id, east.channel.id],
    ]);
    expect(first[0]!.payload).toMatchObject({ amountFen: "5000", limitFen: "1000" });
    expect(first[1]!.payload).toMatchObject({ amountFen: "300", count: 1 });

    // the next day they are told again, and the invoice due today has become overdue
    await runReceivablesAlerts(new Date(now.getTime() + 86_400_000));
    const next = await notes();
    expect(next.filter((n) => n.kind === "receivables.overLimit").map((n) => n.entityId)).toEqual([
      over.id,
      over.id,
    ]);
    expect(
      next
        .filter((n) => n.kind === "receivables.overdue")
        .map((n) => n.entityId)
        .sort(),
    ).toEqual([late.id, late.id, fine.id].sort());
  });
});
