// Factories for the channel rows (distributors, products) the channel tests build on.
import type { Prisma } from "@/lib/db";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { uniqueSuffix } from "./org";

export function productRow(
  overrides: Partial<Prisma.ProductUncheckedCreateInput> = {},
): Prisma.ProductUncheckedCreateInput {
  const suffix = uniqueSuffix();
  return {
    code: `P-${suffix}`,
    name: `产品 ${suffix}`,
    nameEn: `Product ${suffix}`,
    unit: "台",
    listPrice: 100_00n,
    ...overrides,
  };
}

let codeSerial = 0;
/** A valid 统一社会信用代码, different on every call. */
export function creditCodeRow(): string {
  const first17 = `91310000${String(++codeSerial * 7919 + (Date.now() % 1_000_000))
    .padStart(9, "0")
    .slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

export function distributorRow(
  overrides: Partial<Prisma.DistributorUncheckedCreateInput> &
    Pick<Prisma.DistributorUncheckedCreateInput, "territoryId" | "ownerId" | "teamId">,
): Prisma.DistributorUncheckedCreateInput {
  const suffix = uniqueSuffix();
  return { code: `QD-${suffix}`, name: `经销商 ${suffix}`, kind: "DEALER", stage: "PROSPECT", ...overrides };
}
