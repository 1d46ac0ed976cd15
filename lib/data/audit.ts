import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { hasCapability, type Role, type Viewer } from "@/lib/domain/access";
import { SESSION_ACTIONS } from "@/lib/domain/history";
import { addDays, chinaDayStart } from "@/lib/domain/calendar";
import { forbidden } from "@/lib/errors";
import { auditRecordNames, auditSearchIds, type AuditRecord } from "./audit-records";
import { scopeSql } from "./scope-sql";

export type AuditEntry = {
  action: string; // e.g. "account.update", "user.deactivate"
  entity: string; // the model name
  entityId: string;
  before?: unknown;
  after?: unknown;
};

// Never copy secrets into the audit trail.
const REDACTED_KEYS = new Set(["passwordHash", "password", "tokenVersion"]);

/** A JSON-safe copy of a record for the audit trail: dates as ISO strings, secrets removed. */
export function auditSnapshot(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      REDACTED_KEYS.has(key) ? undefined : typeof v === "bigint" ? v.toString() : v,
    ),
  ) as Prisma.InputJsonValue;
}

export async function writeAudit(tx: Tx, actorId: string | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: auditSnapshot(entry.before),
      after: auditSnapshot(entry.after),
    },
  });
}

export type MutationContext = {
  tx: Tx;
  audit: (entry: AuditEntry) => Promise<void>;
  /** Many audit rows in one INSERT, for bulk changes. */
  auditMany: (entries: AuditEntry[]) => Promise<void>;
};

/**
 * PostgreSQL's answer when two transactions wait on each other (deadlock) or a serializable one
 * lost a race: the transaction was rolled back and running it again is the documented remedy.
 */
const RETRYABLE_CODES = new Set(["40P01", "40001"]);
const RETRY_ATTEMPTS = 3;

/** Does the error (or an error it wraps: Prisma's P2034, the driver adapter's cause) say "retry"? */
export function isRetryableTransactionError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (e.code === "P2034") return true;
  if (RETRYABLE_CODES.has(String(e.code)) || RETRYABLE_CODES.has(String(e.originalCode))) return true;
  return (
    isRetryableTransactionError(e.cause, depth + 1) ||
    isRetryableTransactionError(e.meta?.driverAdapterError, depth + 1)
  );
}

/**
 * The one way to change data: runs `work` in a transaction and writes its audit rows in that same
 * transaction, so a change and its record commit or roll back together. A mutation that wrote no
 * audit row is refused, so a forgotten `audit()` call fails in tests rather than losing history.
 */
export async function mutate<T>(
  actor: { id: string } | null,
  work: (ctx: MutationContext) => Promise<T>,
  // Prisma ends an interactive transaction after 5 s by default; bulk work may ask for longer.
  options: { timeoutMs?: number } = {},
): Promise<T> {
  // A deadlock rolls the whole transaction back, so `work` runs again from the start: a person's
  // change is not lost because someone else's bulk change touched the same rows in another order.
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction(actor, work, options);
    } catch (error) {
      if (attempt >= RETRY_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}

function transaction<T>(
  actor: { id: string } | null,
  work: (ctx: MutationContext) => Promise<T>,
  options: { timeoutMs?: number },
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      let written = 0;
      const audit = async (entry: AuditEntry) => {
        await writeAudit(tx, actor?.id ?? null, entry);
        written++;
      };
      const auditMany = async (entries: AuditEntry[]) => {
        if (!entries.length) return;
        await tx.auditLog.createMany({
          data: entries.map((e) => ({
            actorId: actor?.id ?? null,
            action: e.action,
            entity: e.entity,
            entityId: e.entityId,
            before: auditSnapshot(e.before),
            after: auditSnapshot(e.after),
          })),
        });
        written += entries.length;
      };
      const result = await work({ tx, audit, auditMany });
      if (written === 0) throw new Error("mutate(): the change wrote no audit record");
      return result;
    },
    { timeout: options.timeoutMs ?? 5_000, maxWait: 10_000 },
  );
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

/** An audit row with its record's name (see auditRecordNames). */
export type NamedAuditRow = AuditRow & { record: AuditRecord | null };

/** The columns of an audit row as the timeline, the feed and the audit log show it. */
export const auditRowSelect = {
  id: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} satisfies Prisma.AuditLogSelect;

async function withNames(rows: AuditRow[]): Promise<NamedAuditRow[]> {
  const names = await auditRecordNames(rows);
  return rows.map((r) => ({ ...r, record: names.get(`${r.entity}:${r.entityId}`) ?? null }));
}

/**
 * The audit trail, newest first, each row with its record's name. Administrators only. Dates are
 * whole days in China time; `q` finds rows by record name, person or recorded text.
 */
export async function listAuditLog(
  viewer: { id: string; role: Role },
  query: { actorId?: string; entity?: string; q?: string; from?: string; to?: string; page: number },
): Promise<{ rows: NamedAuditRow[]; total: number; page: number; pageSize: number }> {
  if (!hasCapability(viewer, "audit.read")) throw forbidden();
  const createdAt: Prisma.DateTimeFilter = {};
  // The chosen days are days in China: from the start of `from` to the end of `to`, Beijing time.
  if (query.from) createdAt.gte = chinaDayStart(query.from);
  if (query.to) createdAt.lt = chinaDayStart(addDays(query.to, 1));
  const where: Prisma.AuditLogWhereInput = {
    ...(query.actorId ? { actorId: query.actorId } : {}),
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.from || query.to ? { createdAt } : {}),
    ...(query.q ? { id: { in: await auditSearchIds(query.q) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: auditRowSelect,
    }),
    db.auditLog.count({ where }),
  ]);
  return { rows: await withNames(rows), total, page: query.page, pageSize: AUDIT_PAGE_SIZE };
}

/** The record types that appear in the audit trail (for the filter). */
export async function listAuditEntities(viewer: { role: Role }): Promise<string[]> {
  if (!hasCapability(viewer, "audit.read")) throw forbidden();
  const rows = await db.auditLog.findMany({
    distinct: ["entity"],
    select: { entity: true },
    orderBy: { entity: "asc" },
  });
  return rows.map((r) => r.entity);
}

/**
 * The latest work the viewer may see, for the home page: changes to accounts, their contacts, deals
 * and agreements in the viewer's scope (administrators: every change). Signing in and out, and
 * other session events, stay in the audit log: they are not work.
 */
export async function recentActivity(viewer: Viewer, take = 8): Promise<NamedAuditRow[]> {
  const notSession = Prisma.sql`l.action <> ALL(${[...SESSION_ACTIONS]}::text[]) AND l.entity <> 'System'`;
  const inScope =
    viewer.visibleTeamIds === "all"
      ? Prisma.sql`TRUE`
      : Prisma.sql`(
        (l.entity = 'Account' AND EXISTS (SELECT 1 FROM "Account" r WHERE r.id = l."entityId" AND ${scopeSql(viewer, "r")}))
        OR (l.entity = 'Deal' AND EXISTS (SELECT 1 FROM "Deal" r WHERE r.id = l."entityId" AND ${scopeSql(viewer, "r")}))
        OR (l.entity = 'CooperationAgreement' AND EXISTS (
          SELECT 1 FROM "CooperationAgreement" r WHERE r.id = l."entityId" AND ${scopeSql(viewer, "r")}))
        OR (l.entity = 'Contact' AND EXISTS (
          SELECT 1 FROM "Contact" c JOIN "Account" r ON r.id = c."accountId"
          WHERE c.id = l."entityId" AND ${scopeSql(viewer, "r")})))`;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "AuditLog" l
    WHERE ${notSession} AND ${inScope}
    ORDER BY l."createdAt" DESC, l.id DESC
    LIMIT ${take}`;
  const rows = await db.auditLog.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: auditRowSelect,
  });
  return withNames(rows);
}
