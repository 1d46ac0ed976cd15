import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { chinaDate } from "@/lib/domain/calendar";
import type { ChannelImportKind } from "@/lib/domain/channel-sales";
import { forbidden } from "@/lib/errors";
import { mutate } from "../audit";
import { recordDetections, type DetectionOnLine } from "../channel-conflicts/open-cases";
import { loadImportLookups } from "./context";
import { clearProgress, setProgress } from "./progress";
import { walkFile, type FileProblem, type ResolvedLine, type RowReport } from "./walk";

// Importing a sales report (销售报表): all or nothing per file. The file is checked in full first
// (a bad row → nothing written, the row report answered); then one transaction claims the batch,
// writes the lines chunk by chunk with INSERT … ON CONFLICT DO NOTHING (a line already imported is
// "unchanged", so importing the same file again creates nothing), keeps ChannelMonthRollup in step
// with the lines it created, and opens or joins conflict cases for the new sell-out lines.

export type ChannelImportInput = {
  kind: ChannelImportKind;
  fileName: string;
  bytes: Uint8Array;
  /** The preview's token: a second confirm of the same preview answers the first one's result. */
  batchId?: string;
  onProgress?: (processed: number, total: number) => void;
};

export type OpenedCase = { id: string; number: string; kind: string; distributorId: string };

export type ChannelImportResult =
  | {
      ok: true;
      batchId: string;
      total: number;
      created: number;
      unchanged: number;
      conflicts: number;
      opened: OpenedCase[];
      alreadyConfirmedAt: string | null;
    }
  | (FileProblem & { batchId?: string })
  | { ok: false; problem: "rowsRejected"; rejected: number; total: number; rows: RowReport[] };

// Sales-report imports run one after another (their case numbering and rollups never interleave).
const CHANNEL_IMPORT_LOCK = 0x4b_5343_49; // "KSCI"

class AlreadyClaimed extends Error {}

export async function runChannelImport(
  viewer: Viewer,
  input: ChannelImportInput,
): Promise<ChannelImportResult> {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  const now = new Date();
  const today = chinaDate(now);
  const lookups = await loadImportLookups(viewer);
  const check = await walkFile(input.kind, input.bytes, lookups, today);
  if (!check.ok) return check;
  if (check.rejected)
    return {
      ok: false,
      problem: "rowsRejected",
      rejected: check.rejected,
      total: check.total,
      rows: check.problems,
    };

  const batchId = input.batchId ?? randomUUID();
  const total = check.total;
  const report = (processed: number) => {
    setProgress(batchId, { processed, total, status: "RUNNING", actorId: viewer.id });
    input.onProgress?.(processed, total);
  };
  report(0);
  let created = 0;
  let conflicts = 0;
  const distributorIds = new Set<string>();
  const opened: OpenedCase[] = [];
  try {
    await mutate(
      viewer,
      async ({ tx, audit }) => {
        // mutate() runs this again after a deadlock: count from zero each time.
        created = 0;
        conflicts = 0;
        opened.length = 0;
        distributorIds.clear();
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHANNEL_IMPORT_LOCK})`;
        const claimed = await tx.channelImportBatch.createMany({
          data: [
            {
              id: batchId,
              kind: input.kind,
              actorId: viewer.id,
              fileName: input.fileName.slice(0, 200),
              digest: check.digest,
              total,
            },
          ],
          skipDuplicates: true,
        });
        if (claimed.count === 0) throw new AlreadyClaimed();
        const walked = await walkFile(input.kind, input.bytes, lookups, today, async (lines, processed) => {
          const made =
            input.kind === "SELL_IN"
              ? await writeSellIn(tx, lines, batchId)
              : await writeSellOut(tx, lines, batchId);
          created += made.length;
          for (const l of lines) distributorIds.add(l.distributor.id);
          await addToRollups(tx, input.kind, made);
          if (input.kind === "SELL_OUT") {
            const detections: DetectionOnLine[] = made.flatMap((m) =>
              m.line.detections.map((d) => ({ ...d, sellOutLineId: m.id })),
            );
            const cases = await recordDetections(tx, viewer.id, detections, { batchId, now });
            conflicts += detections.length;
            opened.push(...cases.opened);
          }
          report(processed);
        });
        if (!walked.ok || walked.rejected)
          throw new Error("channel import: the file changed between check and write");
        await tx.channelImportBatch.update({
          where: { id: batchId },
          data: {
            status: "DONE",
            processed: total,
            created,
            unchanged: total - created,
            conflicts,
            finishedAt: new Date(),
            distributorId: distributorIds.size === 1 ? [...distributorIds][0] : null,
          },
        });
        await audit({
          action: "channelSales.import",
          entity: "ChannelImportBatch",
          entityId: batchId,
          after: {
            kind: input.kind,
            fileName: input.fileName,
            total,
            created,
            conflicts,
            opened: opened.length,
          },
        });
      },
      { timeoutMs: 10 * 60_000 },
    );
  } catch (error) {
    clearProgress(batchId);
    if (error instanceof AlreadyClaimed) return alreadyClaimed(viewer, batchId, check.digest);
    await recordFailure(viewer, input, batchId, check.digest, total, error);
    throw error;
  }
  setProgress(batchId, { processed: total, total, status: "DONE", actorId: viewer.id });
  return {
    ok: true,
    batchId,
    total,
    created,
    unchanged: total - created,
    conflicts,
    opened,
    alreadyConfirmedAt: null,
  };
}

async function alreadyClaimed(viewer: Viewer, batchId: string, digest: string): Promise<ChannelImportResult> {
  const batch = await db.channelImportBatch.findUnique({ where: { id: batchId } });
  if (!batch || batch.actorId !== viewer.id || batch.digest !== digest)
    return { ok: false, problem: "changedSincePreview" };
  return {
    ok: true,
    batchId,
    total: batch.total,
    created: batch.created,
    unchanged: batch.unchanged,
    conflicts: batch.conflicts,
    opened: [],
    alreadyConfirmedAt: batch.createdAt.toISOString(),
  };
}

/** A failed write leaves a FAILED batch behind (outside the rolled-back transaction), so it shows in the list. */
async function recordFailure(
  viewer: Viewer,
  input: ChannelImportInput,
  batchId: string,
  digest: string,
  total: number,
  error: unknown,
) {
  const message = error instanceof Error ? error.message.slice(0, 500) : "unknown";
  await db.channelImportBatch
    .createMany({
      data: [
        {
          id: batchId,
          kind: input.kind,
          actorId: viewer.id,
          fileName: input.fileName.slice(0, 200),
          digest,
          total,
          status: "FAILED",
          error: message,
          finishedAt: new Date(),
        },
      ],
      skipDuplicates: true,
    })
    .catch(() => undefined);
}

type Made = { id: string; line: ResolvedLine };

// A chunk's lines go to PostgreSQL as ONE json parameter (json_to_recordset), not as a dozen
// arrays of 2,000 values: Prisma keeps the arguments of its last hundred debug calls (query plans
// with every parameter) even with debugging off, and a plan holding one string costs a fraction
// of the heap of 28,000 parameters. Money goes as text (exact beyond 2^53), dates as ISO dates.

async function writeSellOut(tx: Tx, lines: ResolvedLine[], batchId: string): Promise<Made[]> {
  if (!lines.length) return [];
  const ids = lines.map(() => randomUUID());
  const json = JSON.stringify(
    lines.map((l, i) => ({
      id: ids[i],
      d: l.distributor.id,
      k: l.lineKey,
      on: l.line.date,
      cn: l.line.customerName ?? "",
      cc: l.line.creditCode,
      ac: l.accountId,
      r: l.line.region,
      t: l.territoryId,
      p: l.productId,
      q: l.line.quantity,
      up: String(l.line.unitPrice),
      a: String(l.line.amount),
      tm: l.distributor.teamId,
    })),
  );
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "SellOutLine" (id, "distributorId", "lineKey", "soldOn", "customerName", "customerCreditCode",
      "accountId", "regionText", "territoryId", "productId", quantity, "unitPrice", amount, "teamId", "importBatchId")
    SELECT u.id, u.d, u.k, u.on, u.cn, u.cc, u.ac, u.r, u.t, u.p, u.q, u.up, u.a, u.tm, ${batchId}
    FROM json_to_recordset(${json}::json) AS u(id text, d text, k text, "on" date, cn text, cc text, ac text,
      r text, t text, p text, q int, up bigint, a bigint, tm text)
    ON CONFLICT ("distributorId", "lineKey") DO NOTHING
    RETURNING id`;
  const made = new Set(rows.map((r) => r.id));
  return lines.flatMap((line, i) => (made.has(ids[i]!) ? [{ id: ids[i]!, line }] : []));
}

async function writeSellIn(tx: Tx, lines: ResolvedLine[], batchId: string): Promise<Made[]> {
  if (!lines.length) return [];
  const ids = lines.map(() => randomUUID());
  const json = JSON.stringify(
    lines.map((l, i) => ({
      id: ids[i],
      d: l.distributor.id,
      doc: l.line.documentNo!,
      ln: l.line.lineNo ?? 1,
      on: l.line.date,
      p: l.productId,
      q: l.line.quantity,
      up: String(l.line.unitPrice),
      a: String(l.line.amount),
      tm: l.distributor.teamId,
    })),
  );
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "SellInLine" (id, "distributorId", "documentNo", "lineNo", "shippedOn", "productId", quantity,
      "unitPrice", amount, "teamId", "importBatchId")
    SELECT u.id, u.d, u.doc, u.ln, u.on, u.p, u.q, u.up, u.a, u.tm, ${batchId}
    FROM json_to_recordset(${json}::json) AS u(id text, d text, doc text, ln int, "on" date, p text, q int,
      up bigint, a bigint, tm text)
    ON CONFLICT ("distributorId", "documentNo", "lineNo") DO NOTHING
    RETURNING id`;
  const made = new Set(rows.map((r) => r.id));
  return lines.flatMap((line, i) => (made.has(ids[i]!) ? [{ id: ids[i]!, line }] : []));
}

/** Adds the created lines to their months' rollups (one upsert per chunk). */
export async function addToRollups(tx: Tx, kind: ChannelImportKind, made: readonly Made[]): Promise<void> {
  if (!made.length) return;
  const sums = new Map<
    string,
    { month: string; d: string; p: string; team: string; qty: bigint; amount: bigint }
  >();
  for (const { line: l } of made) {
    const month = `${l.line.date.slice(0, 7)}-01`;
    const key = `${month}|${l.distributor.id}|${l.productId}`;
    const s = sums.get(key) ?? {
      month,
      d: l.distributor.id,
      p: l.productId,
      team: l.distributor.teamId,
      qty: 0n,
      amount: 0n,
    };
    s.qty += BigInt(l.line.quantity);
    s.amount += l.line.amount;
    sums.set(key, s);
  }
  const v = [...sums.values()];
  const zero = v.map(() => "0");
  const qty = v.map((s) => String(s.qty));
  const amount = v.map((s) => String(s.amount));
  const [inQty, inAmount, outQty, outAmount] =
    kind === "SELL_IN" ? [qty, amount, zero, zero] : [zero, zero, qty, amount];
  await tx.$executeRaw`
    INSERT INTO "ChannelMonthRollup" (month, "distributorId", "productId", "teamId", "sellInQty", "sellInAmount",
      "sellOutQty", "sellOutAmount")
    SELECT * FROM unnest(${v.map((s) => s.month)}::date[], ${v.map((s) => s.d)}::text[], ${v.map((s) => s.p)}::text[],
      ${v.map((s) => s.team)}::text[], ${inQty}::bigint[], ${inAmount}::bigint[], ${outQty}::bigint[], ${outAmount}::bigint[])
    ON CONFLICT (month, "distributorId", "productId") DO UPDATE SET
      "sellInQty" = "ChannelMonthRollup"."sellInQty" + EXCLUDED."sellInQty",
      "sellInAmount" = "ChannelMonthRollup"."sellInAmount" + EXCLUDED."sellInAmount",
      "sellOutQty" = "ChannelMonthRollup"."sellOutQty" + EXCLUDED."sellOutQty",
      "sellOutAmount" = "ChannelMonthRollup"."sellOutAmount" + EXCLUDED."sellOutAmount"`;
}
