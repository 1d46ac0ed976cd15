import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { ScoringSettingsRow } from "@/lib/domain/account-scoring";
import { assertCapability } from "@/lib/auth/permissions";
import { getScoringSettings, scoreChange, scoreSnapshotRow, type FullAccount } from "./account-scores";
import { mutate } from "./audit";
import { withScoringVolume } from "./ledger/value";
import { updateVersioned } from "./versioning";
import { refreshContactDueFor } from "./visits/contact-due";

// The administrator's scoring settings and the rescoring of every account they set off. One
// account's rescore (after its own change) stays in ./accounts.ts.

/**
 * Updates the administrator's scoring settings, then rescores every live account with them (each
 * changed score with a snapshot). The settings and their audit row commit first; the rescoring runs
 * in batches of RESCORE_BATCH accounts, each its own short transaction, so people editing accounts
 * meanwhile wait for one batch at most (one transaction over 20,000 accounts held every row locked
 * for a minute). A batch that fails leaves the rest on the old scores until the next rescore.
 */
export async function updateScoringSettings(
  viewer: Viewer,
  input: Omit<ScoringSettingsRow, never> & { version: number },
) {
  assertCapability(viewer, "admin.scoring");
  const settings = await mutate(viewer, async ({ tx, audit }) => {
    const before = await tx.scoringSettings.upsert({ where: { id: "default" }, create: {}, update: {} });
    const { version, ...data } = input;
    await updateVersioned(tx.scoringSettings, { where: { id: "default" }, version, data });
    const after = await tx.scoringSettings.findUniqueOrThrow({ where: { id: "default" } });
    await audit({ action: "scoring.update", entity: "ScoringSettings", entityId: "default", before, after });
    return after;
  });
  return { settings, rescored: await rescoreEveryAccount("weights") };
}

const RESCORE_BATCH = 500;

/** Rescores every live account in id order, a batch per transaction; returns how many it scored. */
export async function rescoreEveryAccount(cause: string): Promise<number> {
  let rescored = 0;
  for (let after = ""; ;) {
    const batch = await db.$transaction(
      async (tx) => {
        // The latest settings (another admin may have saved since) and the batch's rows, locked in id
        // order like every bulk change, so nobody's edit slips between the read and the write.
        const settings = await getScoringSettings(tx);
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "Account" WHERE "deletedAt" IS NULL AND id > ${after}
          ORDER BY id LIMIT ${RESCORE_BATCH} FOR UPDATE`;
        if (!locked.length) return null;
        const accounts = await withScoringVolume(
          tx,
          await tx.account.findMany({ where: { id: { in: locked.map((r) => r.id) } } }),
        );
        await writeScores(tx, accounts, cause, settings);
        return { count: accounts.length, last: locked.at(-1)!.id };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    if (!batch) return rescored;
    rescored += batch.count;
    after = batch.last;
  }
}

/**
 * rescore() for many accounts at once: one UPDATE … FROM UNNEST for those whose scores or tier
 * change and one INSERT for their snapshots, instead of two statements per account.
 */
async function writeScores(
  tx: Prisma.TransactionClient,
  accounts: FullAccount[],
  cause: string,
  settings: ScoringSettingsRow,
) {
  const changed = accounts.flatMap((account) => {
    const change = scoreChange(account, settings);
    return change.changed ? [{ account, ...change }] : [];
  });
  if (!changed.length) return;
  const col = <T>(pick: (c: (typeof changed)[number]) => T) => changed.map(pick);
  await tx.$executeRaw`
    UPDATE "Account" AS a SET
      "currentScore" = v.current, "potentialScore" = v.potential, "strategicScore" = v.strategic,
      "compositeScore" = v.composite, "computedTier" = v.computed::"Tier", "tier" = v.tier::"Tier",
      "priorityScore" = v.priority, "negativeAsset" = v.negative,
      -- As Prisma's @updatedAt would (UTC, whatever the session's time zone).
      "updatedAt" = ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM UNNEST(
      ${col((c) => c.account.id)}::text[], ${col((c) => c.scores.currentScore)}::float8[],
      ${col((c) => c.scores.potentialScore)}::float8[], ${col((c) => c.scores.strategicScore)}::float8[],
      ${col((c) => c.scores.compositeScore)}::float8[], ${col((c) => c.scores.computedTier)}::text[],
      ${col((c) => c.tier)}::text[], ${col((c) => c.scores.priorityScore)}::float8[],
      ${col((c) => c.scores.negativeAsset)}::boolean[]
    ) AS v(id, current, potential, strategic, composite, computed, tier, priority, negative)
    WHERE a.id = v.id`;
  await refreshContactDueFor(
    tx,
    changed.filter((c) => c.tier !== c.account.tier).map((c) => c.account.id),
  );
  const snapshots = changed.filter((c) => c.snapshot);
  if (!snapshots.length) return;
  await tx.scoreSnapshot.createMany({
    data: snapshots.map(({ account, scores }) => scoreSnapshotRow(account, scores, cause, settings)),
  });
}
