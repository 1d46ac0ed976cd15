import type { Db } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";

// The desktop and phone projects run side by side and change per-user state (saved language,
// sign-in counters). Each project therefore signs in as its own people: the demo users for the
// desktop, and "phone." twins with the same role, team and language for the phone. Tests that
// switch a user's language use a further set of "i18n." twins, so other tests in flight keep theirs.
export const PHONE_TWINS = [
  "usr_admin",
  "usr_director",
  "usr_east_manager",
  "usr_east_kam1",
  "usr_east_kam2",
  "usr_east_rep1",
  "usr_east_rep3",
];

export const TWIN_PREFIXES = ["phone.", "i18n.", "phone.i18n."];

export async function seedE2e(db: Db): Promise<void> {
  await seedDemo(db);
  const originals = await db.user.findMany({ where: { id: { in: PHONE_TWINS } } });
  await db.user.createMany({
    data: TWIN_PREFIXES.flatMap((prefix) =>
      originals.map((u) => ({
        ...u,
        id: `${u.id}_${prefix.replaceAll(".", "_")}`,
        email: `${prefix}${u.email}`,
        createdAt: undefined,
        updatedAt: undefined,
      })),
    ),
  });
}
