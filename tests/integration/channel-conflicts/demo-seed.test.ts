// The demo cases: every step present, each outcome with its prevention note, the e2e journey's
// cases waiting in negotiation in East China, numbers well-formed and unique.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CONFLICT_OUTCOMES, CONFLICT_STATUSES } from "@/lib/domain/channel-conflicts";
import { seedDemoChannelConflicts } from "@/prisma/demo-channel-conflicts";

describe("demo conflict cases", () => {
  it("cover every step and every outcome", async () => {
    const rows = await db.channelConflict.findMany({ where: { id: { startsWith: "ccf_" } } });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(CONFLICT_STATUSES));
    const resolved = rows.filter((r) => r.status === "RESOLVED");
    expect(new Set(resolved.map((r) => r.outcome))).toEqual(new Set(CONFLICT_OUTCOMES));
    for (const r of resolved) {
      expect(r.openKey).toBeNull();
      expect(r.causeAnalysis && r.resolvedAt && r.resolvedById).toBeTruthy();
      expect(r.preventionNote).toBeTruthy();
    }
    // Other test files share this database and number their own cases CC-T-…: only the demo's count.
    const all = await db.channelConflict.findMany({
      where: { NOT: { number: { startsWith: "CC-T-" } } },
      select: { number: true },
    });
    for (const r of all) expect(r.number).toMatch(/^CC-\d{4}-\d{5}$/);
    expect(new Set(all.map((r) => r.number)).size).toBe(all.length);
  });

  it("leave one East cross-territory case in negotiation per e2e project", async () => {
    for (const id of ["ccf_east_wuxi", "ccf_east_hangzhou"]) {
      const c = await db.channelConflict.findUniqueOrThrow({ where: { id } });
      expect(c).toMatchObject({ kind: "CROSS_TERRITORY", teamId: "team_east", status: "NEGOTIATION" });
    }
  });

  it("terminated the distributor of the termination case", async () => {
    const c = await db.channelConflict.findUniqueOrThrow({ where: { id: "ccf_east_xuhui" } });
    expect(c.outcome).toBe("TERMINATION");
    expect((await db.distributor.findUniqueOrThrow({ where: { id: c.distributorId } })).stage).toBe(
      "TERMINATED",
    );
  });
});

describe("the conflict seed over the sales seed's automatic cases", () => {
  it("takes them to every step and resolves some with a lesson (run in a transaction rolled back)", async () => {
    const rollback = new Error("rollback");
    const seen = await db
      .$transaction(
        async (tx) => {
          // The hand-made demo cases go first (the seed makes them again).
          await tx.channelConflictEvent.deleteMany({ where: { conflictId: { startsWith: "ccf_" } } });
          await tx.channelConflict.deleteMany({ where: { id: { startsWith: "ccf_" } } });
          const ids: string[] = [];
          for (let i = 0; i < 6; i++) {
            const c = await tx.channelConflict.create({
              data: {
                number: `CC-2001-${String(i + 1).padStart(5, "0")}`,
                kind: "CROSS_TERRITORY",
                openKey: `test-auto-${i}`,
                distributorId: "dst_005",
                affectedDistributorId: "dst_003",
                ownerId: "usr_east_channel",
                teamId: "team_east",
                createdAt: new Date(Date.now() - (30 - i) * 86_400_000),
              },
            });
            ids.push(c.id);
          }
          await seedDemoChannelConflicts(tx);
          const auto = await tx.channelConflict.findMany({ where: { id: { in: ids } } });
          const events = await tx.channelConflictEvent.findMany({ where: { conflictId: { in: ids } } });
          throw Object.assign(rollback, { seen: { auto, events } });
        },
        { timeout: 30_000 },
      )
      .catch((e) => (e === rollback ? (e as typeof rollback & { seen: unknown }).seen : Promise.reject(e)));
    const { auto, events } = seen as {
      auto: {
        status: string;
        openKey: string | null;
        preventionNote: string | null;
        resolvedById: string | null;
      }[];
      events: { kind: string; actorId: string | null }[];
    };
    expect(new Set(auto.map((c) => c.status))).toEqual(new Set(CONFLICT_STATUSES));
    for (const c of auto.filter((x) => x.status === "RESOLVED")) {
      expect(c.openKey).toBeNull();
      expect(c.preventionNote).toBeTruthy();
      expect(["usr_east_channel", "usr_east_manager"]).toContain(c.resolvedById);
    }
    expect(events.filter((e) => e.kind === "STEP").every((e) => e.actorId)).toBe(true);
    // Rolled back: the demo cases are as seeded.
    expect(await db.channelConflict.count({ where: { id: { startsWith: "ccf_" } } })).toBeGreaterThan(10);
  });
});
