// Credit-limit requests (授信申请) on PostgreSQL: only a manager's approval changes the limit.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decideCreditRequest, listCreditRequests, requestCreditLimit } from "@/lib/data/receivables/credit";
import { outcome } from "../helpers";
import { distributor, region, type Region } from "./fixtures";

let east: Region;
let west: Region;

beforeAll(async () => {
  [east, west] = [await region("授信东"), await region("授信西")];
});

const limitOf = async (id: string) =>
  (await db.distributor.findUniqueOrThrow({ where: { id }, select: { creditLimit: true } })).creditLimit;

describe("credit-limit requests", () => {
  it("a rejection keeps the limit; an approval by the manager sets it", async () => {
    const d = await distributor(east, 1_000_00n);
    const { id } = await requestCreditLimit(east.channel, {
      distributorId: d.id,
      requestedLimit: 5_000_00n,
      reason: "旺季备货",
    });
    expect(await limitOf(d.id)).toBe(1_000_00n);
    // a second request while one is pending is refused
    expect(
      await outcome(
        requestCreditLimit(east.channel, { distributorId: d.id, requestedLimit: 1n, reason: "再申请" }),
      ),
    ).toBe("VALIDATION");
    // the channel manager cannot decide; the other region's manager does not see it
    expect(
      await outcome(decideCreditRequest(east.channel, { id, version: 1, decision: "approve", note: null })),
    ).toBe("FORBIDDEN");
    expect(
      await outcome(decideCreditRequest(west.manager, { id, version: 1, decision: "approve", note: null })),
    ).toBe("NOT_FOUND");
    expect(await limitOf(d.id)).toBe(1_000_00n);
    // the list offers the decision to the manager only
    expect((await listCreditRequests(east.manager, { distributorId: d.id }))[0]!.canDecide).toBe(true);
    expect((await listCreditRequests(east.channel, { distributorId: d.id }))[0]!.canDecide).toBe(false);

    await decideCreditRequest(east.manager, { id, version: 1, decision: "reject", note: "先清逾期" });
    expect(await limitOf(d.id)).toBe(1_000_00n);
    // decided already: a second decision (stale version or not) is a conflict
    expect(
      await outcome(decideCreditRequest(east.manager, { id, version: 2, decision: "approve", note: null })),
    ).toBe("CONFLICT");
    expect(await limitOf(d.id)).toBe(1_000_00n);

    const again = await requestCreditLimit(east.channel, {
      distributorId: d.id,
      requestedLimit: 3_000_00n,
      reason: "已清理逾期",
    });
    expect(
      await outcome(
        decideCreditRequest(east.manager, { id: again.id, version: 7, decision: "approve", note: null }),
      ),
    ).toBe("CONFLICT");
    const r = await decideCreditRequest(east.manager, {
      id: again.id,
      version: 1,
      decision: "approve",
      note: null,
    });
    expect(r.status).toBe("APPROVED");
    expect(await limitOf(d.id)).toBe(3_000_00n);

    const history = await listCreditRequests(east.manager, { distributorId: d.id });
    expect(history.map((h) => [h.status, h.currentLimit, h.requestedLimit])).toEqual([
      ["APPROVED", 1_000_00n, 3_000_00n],
      ["REJECTED", 1_000_00n, 5_000_00n],
    ]);
    expect(await listCreditRequests(west.manager, { distributorId: d.id })).toEqual([]);
    const audit = await db.auditLog.findMany({
      where: { entityId: d.id, action: "distributor.creditLimit" },
    });
    expect(audit).toHaveLength(1);
  });

  it("another region's channel manager cannot ask for this distributor's limit", async () => {
    const d = await distributor(east, 0n);
    expect(
      await outcome(
        requestCreditLimit(west.channel, { distributorId: d.id, requestedLimit: 1n, reason: "x" }),
      ),
    ).toBe("NOT_FOUND");
  });
});
