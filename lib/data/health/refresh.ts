import "server-only";
import { db, Prisma } from "@/lib/db";
import { assessHealth, type HealthBand, type HealthResult } from "@/lib/domain/health";
import { newId } from "@/lib/data/ids";
import { loadHealthInputs } from "./inputs";

type Client = Prisma.TransactionClient | typeof db;

/**
 * Computes and stores the health of these accounts: Account.healthScore/healthBand/healthComputedAt
 * for every one, and a HealthSnapshot (the history and the explanation) only where the score or
 * the band changed — or none was stored yet. Returns how many snapshots were written.
 */
export async function computeAndStoreHealth(
  ids: readonly string[],
  now: Date,
  client: Client = db,
): Promise<number> {
  const subjects = await loadHealthInputs(ids, now, client);
  if (!subjects.length) return 0;
  const results = subjects.map((s) => ({ subject: s, result: assessHealth(s.inputs) }));
  await client.$executeRaw`
    UPDATE "Account" a SET "healthScore" = v.score, "healthBand" = v.band::"HealthBand", "healthComputedAt" = ${now}
    FROM unnest(${results.map((r) => r.subject.id)}::text[], ${results.map((r) => r.result.score)}::float8[],
                ${results.map((r) => r.result.band)}::text[]) AS v(id, score, band)
    WHERE a.id = v.id`;
  const changed = results.filter(
    ({ subject, result }) => subject.healthScore !== result.score || subject.healthBand !== result.band,
  );
  if (changed.length) {
    await client.healthSnapshot.createMany({
      data: changed.map(({ subject, result }) => snapshotRow(subject.id, result, now)),
    });
  }
  return changed.length;
}

export function snapshotRow(accountId: string, result: HealthResult, computedAt: Date) {
  return {
    id: newId(),
    accountId,
    score: result.score,
    band: result.band as HealthBand,
    factors: result.factors as unknown as Prisma.InputJsonValue,
    computedAt,
  };
}

/**
 * CONTRACT: recomputes the accounts' health (score, band, a HealthSnapshot when it changed) after an
 * event that moves a factor. Called after the event's transaction committed; never throws into the
 * caller (a failure is logged and the nightly recompute catches up).
 */
export async function refreshAccountHealth(accountIds: readonly string[], now = new Date()): Promise<void> {
  try {
    await computeAndStoreHealth(accountIds, now);
  } catch (error) {
    console.error("refreshAccountHealth failed; the nightly recompute will catch up", error);
  }
}
