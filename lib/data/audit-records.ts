import "server-only";
import { db, Prisma } from "@/lib/db";
import { likeEscape } from "./sql-like";

/** What an audit row's record is called, and where it lives (for a link). */
export type AuditRecord = { name: string; nameAlt: string | null; href: string | null };

type NameRow = { entity: string; id: string; name: string; nameAlt: string | null; href: string | null };

/**
 * Names the records of many audit rows in ONE statement (a UNION over the record tables), not one
 * query per row. Every part names its columns: a UNION takes its names from whichever part comes
 * first, and that depends on the rows. Deleted records keep their names (deletes are soft); records of other types, or
 * removed outright, get none.
 */
export async function auditRecordNames(
  rows: { entity: string; entityId: string }[],
): Promise<Map<string, AuditRecord>> {
  const ids = (entity: string) => [
    ...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId)),
  ];
  const parts: Prisma.Sql[] = [];
  const part = (entity: string, sql: (list: string[]) => Prisma.Sql) => {
    const list = ids(entity);
    if (list.length) parts.push(sql(list));
  };
  part(
    "Account",
    (l) => Prisma.sql`SELECT 'Account' AS entity, id, name, NULL AS "nameAlt", '/accounts/' || id AS href
      FROM "Account" WHERE id = ANY(${l})`,
  );
  part(
    "Deal",
    (
      l,
    ) => Prisma.sql`SELECT 'Deal' AS entity, d.id, d.title AS name, a.name AS "nameAlt", '/deals/' || d.id AS href
      FROM "Deal" d JOIN "Account" a ON a.id = d."accountId" WHERE d.id = ANY(${l})`,
  );
  part(
    "CooperationAgreement",
    (
      l,
    ) => Prisma.sql`SELECT 'CooperationAgreement' AS entity, g.id, a.name, NULL AS "nameAlt", '/accounts/' || a.id AS href
      FROM "CooperationAgreement" g JOIN "Account" a ON a.id = g."accountId" WHERE g.id = ANY(${l})`,
  );
  part(
    "Contact",
    (
      l,
    ) => Prisma.sql`SELECT 'Contact' AS entity, c.id, c.name, a.name AS "nameAlt", '/accounts/' || a.id || '#contacts' AS href
      FROM "Contact" c JOIN "Account" a ON a.id = c."accountId" WHERE c.id = ANY(${l})`,
  );
  part(
    "User",
    (
      l,
    ) => Prisma.sql`SELECT 'User' AS entity, id, name, "jobTitle" AS "nameAlt", '/admin/users/' || id AS href
      FROM "User" WHERE id = ANY(${l})`,
  );
  part(
    "Team",
    (
      l,
    ) => Prisma.sql`SELECT 'Team' AS entity, id, COALESCE("nameZh", name) AS name, name AS "nameAlt", '/admin/teams/' || id AS href
      FROM "Team" WHERE id = ANY(${l})`,
  );
  part(
    "Territory",
    (
      l,
    ) => Prisma.sql`SELECT 'Territory' AS entity, id, name, "nameEn" AS "nameAlt", '/admin/territories/' || id AS href
      FROM "Territory" WHERE id = ANY(${l})`,
  );
  part(
    "LostReason",
    (l) =>
      Prisma.sql`SELECT 'LostReason' AS entity, id, name, "nameEn" AS "nameAlt", NULL AS href FROM "LostReason" WHERE id = ANY(${l})`,
  );
  const found = parts.length ? await db.$queryRaw<NameRow[]>`${Prisma.join(parts, " UNION ALL ")}` : [];
  return new Map(
    found.map((r) => [`${r.entity}:${r.id}`, { name: r.name, nameAlt: r.nameAlt, href: r.href }]),
  );
}

/** `%text%` for ILIKE with the person's own % and _ taken literally. */
const likePattern = (text: string) => `%${likeEscape(text)}%`;

// A search matching more rows than this shows the newest of them.
const SEARCH_LIMIT = 5_000;

/**
 * The audit rows a search finds: by the name of the record (account, deal, contact, person, team),
 * by who acted, or by any text in the recorded values. An account's name also finds its deals,
 * contacts and agreements, so searching a customer shows its whole story.
 */
export async function auditSearchIds(text: string): Promise<string[]> {
  const p = likePattern(text);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id FROM "AuditLog" l
    LEFT JOIN "User" actor ON actor.id = l."actorId"
    WHERE actor.name ILIKE ${p}
      OR l.before::text ILIKE ${p} OR l.after::text ILIKE ${p}
      OR l."entityId" IN (
        SELECT id FROM "Account" WHERE name ILIKE ${p}
        UNION ALL SELECT d.id FROM "Deal" d JOIN "Account" a ON a.id = d."accountId"
          WHERE d.title ILIKE ${p} OR a.name ILIKE ${p}
        UNION ALL SELECT c.id FROM "Contact" c JOIN "Account" a ON a.id = c."accountId"
          WHERE c.name ILIKE ${p} OR a.name ILIKE ${p}
        UNION ALL SELECT id FROM "User" WHERE name ILIKE ${p} OR email ILIKE ${p} OR "jobTitle" ILIKE ${p}
        UNION ALL SELECT id FROM "Team" WHERE name ILIKE ${p} OR "nameZh" ILIKE ${p}
        UNION ALL SELECT g.id FROM "CooperationAgreement" g JOIN "Account" a ON a.id = g."accountId"
          WHERE a.name ILIKE ${p})
    ORDER BY l."createdAt" DESC
    LIMIT ${SEARCH_LIMIT}`;
  return rows.map((r) => r.id);
}
