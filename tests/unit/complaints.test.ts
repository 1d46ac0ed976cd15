import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  ackOverdue,
  allowedActions,
  checkSlaPolicy,
  checkTransition,
  clock,
  complaintNumber,
  complaintYear,
  escalationTargets,
  nextComplaintNumber,
  nextStatus,
  parseComplaintNumber,
  remainingParts,
  reopenedResolveDueAt,
  resolveOverdue,
  slaAttainment,
  slaClocks,
  slaDueDates,
  type ClockState,
  type ComplaintAction,
  type ComplaintStatus,
} from "@/lib/domain/complaints";

// The whole table: every (status, action) pair and where it leads, or null.
const EXPECTED: Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>> = {
  RECEIVED: { acknowledge: "ACKNOWLEDGED" },
  ACKNOWLEDGED: { investigate: "INVESTIGATING" },
  INVESTIGATING: { resolve: "RESOLVED" },
  RESOLVED: { confirm: "CONFIRMED", reopen: "INVESTIGATING" },
  CONFIRMED: { close: "CLOSED", reopen: "INVESTIGATING" },
  CLOSED: { reopen: "INVESTIGATING" },
};

describe("the status machine", () => {
  for (const status of COMPLAINT_STATUSES)
    for (const action of COMPLAINT_ACTIONS)
      it(`${status} --${action}--> ${EXPECTED[status][action] ?? "refused"}`, () => {
        expect(nextStatus(status, action)).toBe(EXPECTED[status][action] ?? null);
      });

  it("lists the allowed actions per status in button order", () => {
    expect(allowedActions("RECEIVED")).toEqual(["acknowledge"]);
    expect(allowedActions("RESOLVED")).toEqual(["confirm", "reopen"]);
    expect(allowedActions("CONFIRMED")).toEqual(["close", "reopen"]);
    expect(allowedActions("CLOSED")).toEqual(["reopen"]);
  });

  it("every status is reachable from RECEIVED and CLOSED only through CONFIRMED", () => {
    const seen = new Set<ComplaintStatus>(["RECEIVED"]);
    const edges: [ComplaintStatus, ComplaintStatus][] = [];
    for (let i = 0; i < 6; i++)
      for (const s of [...seen])
        for (const a of allowedActions(s)) {
          const to = nextStatus(s, a)!;
          edges.push([s, to]);
          seen.add(to);
        }
    expect(seen.size).toBe(COMPLAINT_STATUSES.length);
    expect(edges.filter(([, to]) => to === "CLOSED").every(([from]) => from === "CONFIRMED")).toBe(true);
  });

  it("closing needs a root cause and a corrective action (持续改进)", () => {
    expect(checkTransition("CONFIRMED", "close", {})).toEqual({
      ok: false,
      problem: "missing",
      missing: ["rootCause", "correctiveAction"],
    });
    expect(checkTransition("CONFIRMED", "close", { rootCause: "  ", correctiveAction: "x" })).toEqual({
      ok: false,
      problem: "missing",
      missing: ["rootCause"],
    });
    expect(
      checkTransition("CONFIRMED", "close", { rootCause: "包装", correctiveAction: "改进包装" }),
    ).toEqual({
      ok: true,
      to: "CLOSED",
    });
  });

  it("resolving needs a resolution, reopening a reason", () => {
    expect(checkTransition("INVESTIGATING", "resolve", { resolution: "" })).toMatchObject({
      missing: ["resolution"],
    });
    expect(checkTransition("INVESTIGATING", "resolve", { resolution: "换货" })).toEqual({
      ok: true,
      to: "RESOLVED",
    });
    expect(checkTransition("CLOSED", "reopen", {})).toMatchObject({ missing: ["note"] });
    expect(checkTransition("CLOSED", "reopen", { note: "又坏了" })).toEqual({
      ok: true,
      to: "INVESTIGATING",
    });
  });

  it("a step from the wrong status is refused before its fields are looked at", () => {
    expect(checkTransition("RECEIVED", "close", { rootCause: "a", correctiveAction: "b" })).toEqual({
      ok: false,
      problem: "status",
    });
    fc.assert(
      fc.property(fc.constantFrom(...COMPLAINT_STATUSES), fc.constantFrom(...COMPLAINT_ACTIONS), (s, a) => {
        const r = checkTransition(s, a, {
          resolution: "r",
          rootCause: "c",
          correctiveAction: "a",
          note: "n",
        });
        return r.ok ? r.to === nextStatus(s, a) : nextStatus(s, a) === null;
      }),
    );
  });
});

const at = (iso: string) => new Date(iso);

describe("SLA clocks", () => {
  const policy = { ackMinutes: 60, resolveMinutes: 1440 };

  it("run from receipt in elapsed minutes, across China midnight", () => {
    // 23:30 Beijing on 31 Dec: the acknowledgement is due 00:30 on 1 Jan, the resolution a day later.
    const received = at("2026-12-31T15:30:00Z");
    const due = slaDueDates(received, policy);
    expect(due.ackDueAt.toISOString()).toBe("2026-12-31T16:30:00.000Z");
    expect(complaintYear(due.ackDueAt)).toBe(2027);
    expect(due.resolveDueAt.toISOString()).toBe("2027-01-01T15:30:00.000Z");
  });

  it("acknowledged exactly at the due moment is in time; a millisecond later is a breach", () => {
    const due = at("2026-06-01T02:00:00Z");
    expect(clock(due, due, at("2026-06-02T00:00:00Z")).state).toBe("met");
    expect(clock(due, new Date(due.getTime() + 1), due).state).toBe("breached");
  });

  it("a running clock is still running at the due moment and breached after it", () => {
    const due = at("2026-06-01T02:00:00Z");
    expect(clock(due, null, due)).toMatchObject({ state: "running", remainingMs: 0 });
    expect(clock(due, null, new Date(due.getTime() + 1))).toMatchObject({
      state: "breached",
      remainingMs: -1,
    });
    expect(ackOverdue({ ackDueAt: due, acknowledgedAt: null }, due)).toBe(false);
    expect(ackOverdue({ ackDueAt: due, acknowledgedAt: null }, new Date(due.getTime() + 1))).toBe(true);
    expect(ackOverdue({ ackDueAt: due, acknowledgedAt: due }, at("2030-01-01T00:00:00Z"))).toBe(false);
    expect(resolveOverdue({ resolveDueAt: due, resolvedAt: null }, at("2026-06-01T02:00:01Z"))).toBe(true);
    expect(resolveOverdue({ resolveDueAt: due, resolvedAt: due }, at("2027-01-01T00:00:00Z"))).toBe(false);
  });

  it("both clocks of a complaint", () => {
    const received = at("2026-03-01T00:00:00Z");
    const { ackDueAt, resolveDueAt } = slaDueDates(received, policy);
    const clocks = slaClocks(
      {
        status: "INVESTIGATING",
        ackDueAt,
        resolveDueAt,
        acknowledgedAt: at("2026-03-01T00:30:00Z"),
        resolvedAt: null,
      },
      at("2026-03-01T12:00:00Z"),
    );
    expect(clocks.ack.state).toBe("met");
    expect(clocks.resolve).toMatchObject({ state: "running", remainingMs: 12 * 3600_000 });
  });

  it("reopening restarts the resolve clock from the reopening", () => {
    expect(reopenedResolveDueAt(at("2026-05-05T10:00:00Z"), policy).toISOString()).toBe(
      "2026-05-06T10:00:00.000Z",
    );
  });

  it("remaining time splits into days, hours and minutes, negative when overdue", () => {
    expect(remainingParts(((26 * 60 + 5) * 60 + 30) * 1000)).toEqual({
      overdue: false,
      days: 1,
      hours: 2,
      minutes: 5,
    });
    expect(remainingParts(-90 * 60_000)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 30 });
  });

  it("attainment counts decided clocks only", () => {
    expect(slaAttainment([])).toBeNull();
    expect(slaAttainment([{ state: "running" }])).toBeNull();
    expect(
      slaAttainment([{ state: "met" }, { state: "breached" }, { state: "running" }, { state: "met" }]),
    ).toBe(66.7);
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ClockState>("met", "breached", "running")), (states) => {
        const v = slaAttainment(states.map((state) => ({ state })));
        return v === null ? states.every((s) => s === "running") : v >= 0 && v <= 100;
      }),
    );
  });

  it("checks a policy's bounds and order", () => {
    expect(checkSlaPolicy({ ackMinutes: 60, resolveMinutes: 60 })).toBe("ok");
    expect(checkSlaPolicy({ ackMinutes: 120, resolveMinutes: 60 })).toBe("order");
    expect(checkSlaPolicy({ ackMinutes: 0, resolveMinutes: 60 })).toBe("range");
    expect(checkSlaPolicy({ ackMinutes: 1.5, resolveMinutes: 60 })).toBe("range");
    expect(checkSlaPolicy({ ackMinutes: 60, resolveMinutes: 90 * 1440 + 1 })).toBe("range");
  });
});

describe("escalation (升级) to the owner's manager", () => {
  const teams = [
    { id: "hq", managerId: "director", parentId: null },
    { id: "east", managerId: "m-east", parentId: "hq" },
    { id: "east-1", managerId: null, parentId: "east" },
    { id: "loop-a", managerId: null, parentId: "loop-b" },
    { id: "loop-b", managerId: null, parentId: "loop-a" },
  ];
  const admins = ["admin-1", "admin-2"];

  it("goes to the manager of the owner's team", () => {
    expect(escalationTargets({ id: "rep", teamId: "east" }, teams, admins)).toEqual({
      via: "manager",
      userIds: ["m-east"],
    });
  });
  it("goes up when the owner is that manager, or the team has none", () => {
    expect(escalationTargets({ id: "m-east", teamId: "east" }, teams, admins).userIds).toEqual(["director"]);
    expect(escalationTargets({ id: "rep", teamId: "east-1" }, teams, admins).userIds).toEqual(["m-east"]);
  });
  it("ends with the administrators when nobody is above (and survives a cycle)", () => {
    expect(escalationTargets({ id: "director", teamId: "hq" }, teams, admins)).toEqual({
      via: "admins",
      userIds: admins,
    });
    expect(escalationTargets({ id: "x", teamId: "loop-a" }, teams, admins).via).toBe("admins");
    expect(escalationTargets({ id: "admin-1", teamId: null }, teams, admins).userIds).toEqual(["admin-2"]);
  });
});

describe("numbering TS-<year>-<5 digits>", () => {
  it("pads to five digits and grows beyond", () => {
    expect(complaintNumber(2026, 42)).toBe("TS-2026-00042");
    expect(complaintNumber(2026, 123456)).toBe("TS-2026-123456");
    expect(() => complaintNumber(2026, 0)).toThrow(RangeError);
    expect(() => complaintNumber(26, 1)).toThrow(RangeError);
  });
  it("parses back what it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 10_000_000 }), (y, n) => {
        expect(parseComplaintNumber(complaintNumber(y, n))).toEqual({ year: y, seq: n });
      }),
    );
    expect(parseComplaintNumber("TS-2026-42")).toBeNull();
    expect(parseComplaintNumber("TS-2026-00000")).toBeNull();
    expect(parseComplaintNumber("XX-2026-00001")).toBeNull();
  });
  it("uses the China calendar year: 1 January 00:30 Beijing is already the new year", () => {
    const newYear = at("2026-12-31T16:30:00Z");
    expect(complaintYear(newYear)).toBe(2027);
    expect(complaintYear(at("2026-12-31T15:59:59Z"))).toBe(2026);
    expect(nextComplaintNumber(newYear, "TS-2026-00917")).toBe("TS-2027-00001");
    expect(nextComplaintNumber(at("2026-06-01T00:00:00Z"), "TS-2026-00917")).toBe("TS-2026-00918");
    expect(nextComplaintNumber(at("2026-06-01T00:00:00Z"), null)).toBe("TS-2026-00001");
  });
});
