// The demo cases: every step present, each outcome with its prevention note, the e2e journey's
// cases waiting in negotiation in East China, numbers well-formed and unique.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CONFLICT_OUTCOMES, CONFLICT_STATUSES } from "@/lib/domain/channel-conflicts";

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
