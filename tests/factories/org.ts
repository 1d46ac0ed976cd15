// Factories: one place that knows what a complete row looks like, used by the demo seed and by
// the tests (instead of each test file writing its own fixtures). Each `…Row` returns the data for
// a Prisma create with sensible defaults; pass what the test or seed cares about.
import type { Prisma } from "@/lib/db";

let serial = 0;
/** A short suffix unique within this process (names and e-mails that must not collide). */
export const uniqueSuffix = () => `${Date.now().toString(36)}${(++serial).toString(36)}`;

export function teamRow(
  overrides: Partial<Prisma.TeamUncheckedCreateInput> = {},
): Prisma.TeamUncheckedCreateInput {
  return { name: `Team ${uniqueSuffix()}`, ...overrides };
}

export function userRow(
  overrides: Partial<Prisma.UserCreateManyInput> & Pick<Prisma.UserCreateManyInput, "passwordHash">,
): Prisma.UserCreateManyInput {
  const suffix = uniqueSuffix();
  return {
    email: `user.${suffix}@keystone.test`,
    name: `测试用户 ${suffix}`,
    role: "REP",
    locale: "zh_CN",
    ...overrides,
  };
}

export function territoryRow(
  overrides: Partial<Prisma.TerritoryUncheckedCreateInput> = {},
): Prisma.TerritoryUncheckedCreateInput {
  const suffix = uniqueSuffix();
  return {
    code: `T-${suffix}`,
    name: `区域 ${suffix}`,
    nameEn: `Territory ${suffix}`,
    level: "CITY",
    ...overrides,
  };
}
