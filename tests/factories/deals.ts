import type { Prisma, Tx } from "@/lib/db";
import { uniqueSuffix } from "./org";

type Owned = { ownerId: string; teamId: string; accountId: string };

/** An open deal in the first stage (确定开发对象) worth 100万 unless given. */
export function dealRow(overrides: Partial<Prisma.DealCreateManyInput> & Owned): Prisma.DealCreateManyInput {
  return { title: `开发项目 ${uniqueSuffix()}`, expectedValue: 100_000_000n, stage: "TARGET", ...overrides };
}

/** A 合作协议: a year's direct supply worth 500万 unless given. */
export function agreementRow(
  overrides: Partial<Prisma.CooperationAgreementCreateManyInput> &
    Owned &
    Pick<Prisma.CooperationAgreementCreateManyInput, "startDate" | "endDate">,
): Prisma.CooperationAgreementCreateManyInput {
  return {
    serviceContent: "年度框架供货",
    pricingPolicy: "季度调价",
    cooperationMode: "DIRECT_SUPPLY",
    contractValue: 500_000_000n,
    ...overrides,
  };
}

/** Writes an agreement on an account of `ownerId`, filed in the owner's team (a fixture: no audit row). */
export async function insertAgreement(
  client: Pick<Tx, "user" | "cooperationAgreement">,
  overrides: Omit<Parameters<typeof agreementRow>[0], "teamId">,
) {
  const owner = await client.user.findUniqueOrThrow({
    where: { id: overrides.ownerId },
    select: { teamId: true },
  });
  return client.cooperationAgreement.create({ data: agreementRow({ teamId: owner.teamId!, ...overrides }) });
}
