import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { listSendableTemplates } from "./templates";

/** What the send form offers for an account the viewer may edit: its contacts and the questionnaires. */
export async function surveySendOptions(viewer: Viewer, accountId: string) {
  const account = await db.account.findFirst({
    where: { id: accountId, deletedAt: null, ...scopeWhere(viewer) },
    select: { id: true, name: true, ownerId: true, teamId: true },
  });
  assertRecord(viewer, "edit", account, "account");
  const [contacts, templates] = await Promise.all([
    db.contact.findMany({
      where: { accountId, deletedAt: null },
      orderBy: [{ buyingRole: "asc" }, { name: "asc" }],
      select: { id: true, name: true, title: true, buyingRole: true, email: true },
    }),
    listSendableTemplates(),
  ]);
  return { account, contacts, templates };
}
