// Demo account health (客户健康度): computed for every account from whatever the seed wrote before
// it (visits, ledger, agreements, surveys, complaints, service plans) with the same code the app
// runs, plus a few earlier monthly snapshots drifting towards today's score so the history charts
// have shape. Earlier snapshots carry the score and band only (their factors are not known).
import type { Tx } from "@/lib/db";
import { bandFor } from "@/lib/domain/health";
import { seededRandom } from "@/lib/domain/random";
import { computeAndStoreHealth } from "@/lib/data/health/health-sql";
import { insertJson } from "./demo-visits";

const DAY = 86_400_000;

export async function seedDemoHealth(tx: Tx, args: { now?: Date } = {}) {
  const now = args.now ?? new Date();
  const r = seededRandom(20261205);
  const accounts = await tx.account.findMany({
    where: { deletedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  const ids = accounts.map((a) => a.id);
  const history: object[] = [];
  // History first, so today's computation writes the latest snapshot (the one with the explanation).
  const current = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    await computeAndStoreHealth(ids.slice(i, i + 500), now, tx);
  }
  const rows = await tx.account.findMany({
    where: { deletedAt: null },
    select: { id: true, healthScore: true },
  });
  for (const row of rows) current.set(row.id, row.healthScore ?? 50);
  let n = 0;
  for (const id of ids) {
    const months = r.int(3, 6);
    let score = current.get(id) ?? 50;
    for (let m = 1; m <= months; m++) {
      // Walking back in time: health usually declined into today's value, sometimes recovered.
      score = Math.min(100, Math.max(0, Math.round((score + r.int(-8, 12)) * 10) / 10));
      history.push({
        id: `hsnap_${String(++n).padStart(6, "0")}`,
        accountId: id,
        score,
        band: bandFor(score),
        factors: [],
        computedAt: new Date(now.getTime() - m * 30 * DAY - r.int(0, 3) * DAY),
      });
    }
  }
  await insertJson(tx, "HealthSnapshot", history);
  const bands = await tx.account.groupBy({ by: ["healthBand"], where: { deletedAt: null }, _count: true });
  return {
    healthSnapshots: history.length + ids.length,
    ...Object.fromEntries(bands.map((b) => [`health${b.healthBand}`, b._count])),
  };
}
