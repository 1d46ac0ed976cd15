import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { scopeWhere } from "@/lib/auth/permissions";

/**
 * Who holds a credit code, as far as `viewer` may know: nobody (`null`), an account they may open
 * (its id and name), or an account outside their scope or deleted (`account: null` — "already
 * registered", which saving would say anyway, and nothing more). `exceptId` is the account being
 * edited, honoured only when the viewer sees it (so it cannot be used to probe other accounts).
 */
export async function findCreditCodeHolder(
  viewer: Viewer,
  code: string,
  exceptId?: string,
): Promise<{ account: { id: string; name: string } | null } | null> {
  const scope = scopeWhere(viewer);
  const [own, visible] = await Promise.all([
    exceptId
      ? db.account.findFirst({ where: { id: exceptId, ...scope }, select: { id: true } })
      : Promise.resolve(null),
    db.account.findFirst({
      where: { creditCode: code, deletedAt: null, ...scope },
      select: { id: true, name: true },
    }),
  ]);
  if (visible && visible.id !== own?.id) return { account: visible };
  // The same rule as saving: a code is taken by any account, in any team, deleted or not.
  const any = await db.account.findFirst({
    where: { creditCode: code, ...(own ? { id: { not: own.id } } : {}) },
    select: { id: true },
  });
  return any ? { account: null } : null;
}
