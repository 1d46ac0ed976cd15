import { Prisma, type Tx } from "@/lib/db";
import type { ConflictDetection } from "@/lib/domain/channel-conflict-rules";
import { allocateConflictNumber } from "./numbers";

// Detected conflicts → cases (渠道冲突), inside the import's transaction: each detection joins the
// open case with its openKey (kind + offending distributor + subject) or opens one in 协商
// (NEGOTIATION), owned by the offending distributor's channel manager, who is notified. The sale
// lines are the case's evidence. Works a chunk of detections at a time with a handful of queries.
//
// Without "server-only" (and so without audit.ts, which carries it): the demo seed opens its
// planted cases through this very function under plain Node.

export type DetectionOnLine = ConflictDetection & { sellOutLineId: string };

export type RecordedCases = {
  opened: { id: string; number: string; kind: ConflictDetection["kind"]; distributorId: string }[];
  /** Open cases that got new evidence (including the ones just opened). */
  touched: string[];
  evidence: number;
};

export async function recordDetections(
  tx: Tx,
  actorId: string | null,
  detections: readonly DetectionOnLine[],
  opts: { batchId: string | null; now: Date },
): Promise<RecordedCases> {
  const result: RecordedCases = { opened: [], touched: [], evidence: 0 };
  if (!detections.length) return result;
  const byKey = new Map<string, DetectionOnLine[]>();
  for (const d of detections) byKey.set(d.openKey, [...(byKey.get(d.openKey) ?? []), d]);
  const keys = [...byKey.keys()];

  const open = await tx.channelConflict.findMany({
    where: { openKey: { in: keys } },
    select: { id: true, openKey: true },
  });
  const caseByKey = new Map(open.map((c) => [c.openKey!, c.id]));
  const missing = keys.filter((k) => !caseByKey.has(k));
  if (missing.length) {
    const distributorIds = [...new Set(missing.map((k) => byKey.get(k)![0]!.distributorId))];
    const distributors = new Map(
      (
        await tx.distributor.findMany({
          where: { id: { in: distributorIds } },
          select: { id: true, name: true, ownerId: true, teamId: true },
        })
      ).map((d) => [d.id, d]),
    );
    for (const key of missing) {
      const first = byKey.get(key)![0]!;
      const distributor = distributors.get(first.distributorId);
      if (!distributor) throw new Error(`recordDetections: unknown distributor ${first.distributorId}`);
      const number = await allocateConflictNumber(tx, opts.now);
      // Another transaction may have opened the same case meanwhile: skipDuplicates on openKey,
      // then the case is read back by its key (whichever transaction made it).
      const made = await tx.channelConflict.createManyAndReturn({
        data: [
          {
            number,
            kind: first.kind,
            status: "NEGOTIATION",
            openKey: key,
            distributorId: first.distributorId,
            affectedDistributorId: first.affectedDistributorId ?? null,
            accountId: first.accountId ?? null,
            territoryId: first.territoryId ?? null,
            productId: first.productId ?? null,
            detectedAutomatically: true,
            ownerId: distributor.ownerId,
            teamId: distributor.teamId,
            createdAt: opts.now,
          },
        ],
        skipDuplicates: true,
        select: { id: true, number: true },
      });
      if (made.length) {
        const c = made[0]!;
        caseByKey.set(key, c.id);
        result.opened.push({
          id: c.id,
          number: c.number,
          kind: first.kind,
          distributorId: first.distributorId,
        });
        await tx.channelConflictEvent.create({
          data: { conflictId: c.id, actorId, kind: "DETECTED", toStatus: "NEGOTIATION", createdAt: opts.now },
        });
        await tx.notification.create({
          data: {
            userId: distributor.ownerId,
            kind: "channelConflict.opened",
            entity: "ChannelConflict",
            entityId: c.id,
            actorId,
            payload: { number: c.number, kind: first.kind, distributorName: distributor.name },
          },
        });
        await tx.auditLog.create({
          data: {
            actorId,
            action: "channelConflict.detect",
            entity: "ChannelConflict",
            entityId: c.id,
            after: { number: c.number, kind: first.kind, openKey: key, batchId: opts.batchId },
          },
        });
      } else {
        const existing = await tx.channelConflict.findUniqueOrThrow({
          where: { openKey: key },
          select: { id: true },
        });
        caseByKey.set(key, existing.id);
      }
    }
  }

  // Evidence: one row per (case, line); a line already recorded is not counted twice.
  const evidence = detections.map((d) => ({
    conflictId: caseByKey.get(d.openKey)!,
    sellOutLineId: d.sellOutLineId,
    detail: d.detail as Prisma.InputJsonValue,
    createdAt: opts.now,
  }));
  const inserted = await tx.channelConflictEvidence.createManyAndReturn({
    data: evidence,
    skipDuplicates: true,
    select: { conflictId: true, sellOutLineId: true },
  });
  result.evidence = inserted.length;
  const amountOf = new Map(
    detections.map((d) => [`${caseByKey.get(d.openKey)}|${d.sellOutLineId}`, d.amount]),
  );
  const perCase = new Map<string, { count: number; amount: bigint }>();
  for (const e of inserted) {
    const s = perCase.get(e.conflictId) ?? { count: 0, amount: 0n };
    s.count++;
    s.amount += amountOf.get(`${e.conflictId}|${e.sellOutLineId}`) ?? 0n;
    perCase.set(e.conflictId, s);
  }
  if (perCase.size) {
    const ids = [...perCase.keys()];
    await tx.$executeRaw`
      UPDATE "ChannelConflict" c
      SET "evidenceCount" = c."evidenceCount" + u.n, "evidenceAmount" = c."evidenceAmount" + u.amount,
          "updatedAt" = ${opts.now}
      FROM unnest(${ids}::text[], ${ids.map((id) => perCase.get(id)!.count)}::int[],
                  ${ids.map((id) => String(perCase.get(id)!.amount))}::bigint[]) AS u(id, n, amount)
      WHERE c.id = u.id`;
    await tx.channelConflictEvent.createMany({
      data: ids.map((id) => ({
        conflictId: id,
        actorId,
        kind: "EVIDENCE",
        note: JSON.stringify({ lines: perCase.get(id)!.count, batchId: opts.batchId }),
        createdAt: opts.now,
      })),
    });
    result.touched = ids;
  }
  return result;
}
