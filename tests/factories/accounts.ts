import type { Prisma, Tx } from "@/lib/db";
import { uniqueSuffix } from "./org";

type Owned = { ownerId: string; teamId: string };

/** An account as the database stores it: a C-tier target with no inputs unless given. */
export function accountRow(
  overrides: Partial<Prisma.AccountCreateManyInput> & Owned,
): Prisma.AccountCreateManyInput {
  return { name: `测试客户 ${uniqueSuffix()}有限公司`, accountType: "END_CUSTOMER", ...overrides };
}

export function contactRow(
  overrides: Partial<Prisma.ContactCreateManyInput> & Pick<Prisma.ContactCreateManyInput, "accountId">,
): Prisma.ContactCreateManyInput {
  return { name: `联系人 ${uniqueSuffix()}`, buyingRole: "USER", stance: "NEUTRAL", ...overrides };
}

/** Writes an account owned by `ownerId`, filed in the owner's team (a fixture: no audit row). */
export async function insertAccount(
  client: Pick<Tx, "user" | "account">,
  overrides: Partial<Prisma.AccountCreateManyInput> & { ownerId: string },
) {
  const owner = await client.user.findUniqueOrThrow({
    where: { id: overrides.ownerId },
    select: { teamId: true },
  });
  if (!owner.teamId) throw new Error(`${overrides.ownerId} has no team to file an account in`);
  return client.account.create({ data: accountRow({ teamId: owner.teamId, ...overrides }) });
}
