// Demo data for a new Keystone: deterministic (fixed ids and random seed), refused on a non-empty
// database. `npm start` runs it on first start; tests use the same function on fresh databases.
import { createDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { seededRandom } from "@/lib/domain/random";
import { seedDemoAccounts } from "./demo-accounts";
import { seedDemoChannelBase } from "./demo-channel-base";
import { seedDemoChannelConflicts } from "./demo-channel-conflicts";
import { seedDemoChannelSales } from "./demo-channel-sales";
import { seedDemoDistributorScorecards } from "./demo-distributor-scorecards";
import { seedDemoDistributorSurveys } from "./demo-distributor-surveys";
import { seedDemoRebates } from "./demo-rebates";
import { seedDemoReceivables } from "./demo-receivables";
import { seedDemoComplaints } from "./demo-complaints";
import { seedDemoDeals } from "./demo-deals";
import { seedDemoHistory } from "./demo-history";
import { seedDemoReviews } from "./demo-reviews";
import { seedDemoSurveys } from "./demo-surveys";
import { seedDemoService } from "./demo-service";
import { seedDemoHealth } from "./demo-health";
import { seedDemoTargets } from "./demo-targets";
import { seedDemoLedger } from "./demo-ledger";
import { seedDemoVisits } from "./demo-visits";
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_TERRITORIES, DEMO_USERS } from "./demo-org";
// The seed builds its rows with the same factories as the tests (one definition of a complete row).
import { teamRow, territoryRow, userRow } from "../tests/factories/org";

export type SeedResult = { password: string; logins: { role: string; email: string; name: string }[] };

export async function seedDemo(db: Db): Promise<SeedResult> {
  const random = seededRandom(20261125);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // One transaction; Prisma's 5 s default timeout is tight on a busy machine (the seed takes 1–3 s).
  await db.$transaction(
    async (tx) => {
      // Teams first without managers (users reference teams), then people, then managers.
      for (const t of DEMO_TEAMS) {
        await tx.team.create({ data: teamRow({ id: t.id, name: t.name, nameZh: t.nameZh }) });
      }
      for (const t of DEMO_TEAMS) {
        if (t.parentId) await tx.team.update({ where: { id: t.id }, data: { parentId: t.parentId } });
      }
      await tx.user.createMany({
        data: DEMO_USERS.map((u) => userRow({ ...u, passwordHash })),
      });
      for (const t of DEMO_TEAMS) {
        const manager = DEMO_USERS.find((u) => u.email === t.managerEmail)!;
        await tx.team.update({ where: { id: t.id }, data: { managerId: manager.id } });
      }
      const idByCode = new Map<string, string>();
      for (const t of DEMO_TERRITORIES) {
        const row = await tx.territory.create({
          data: territoryRow({
            code: t.code,
            name: t.name,
            nameEn: t.nameEn,
            level: t.level,
            parentId: t.parent ? idByCode.get(t.parent) : null,
            teamId: t.team ?? null,
          }),
        });
        idByCode.set(t.code, row.id);
      }
      const seeded = await seedDemoAccounts(tx, { territoryIdByCode: idByCode, users: DEMO_USERS, random });
      const deals = await seedDemoDeals(tx, { users: DEMO_USERS, random });
      // Visits are dated up to the day of seeding (a rep's last week, a manager's open approvals).
      const visits = await seedDemoVisits(tx, { users: DEMO_USERS });
      // Revenue and collections up to the seeding day's month, from the accounts' run-rates and won deals.
      const ledger = await seedDemoLedger(tx);
      // Targets and budgets are drawn from the accounts' purchase volumes and the visits above.
      const targets = await seedDemoTargets(tx, { users: DEMO_USERS, teams: DEMO_TEAMS });
      // The indicator system and the East region's last quarterly reviews, frozen from the rows above.
      const reviews = await seedDemoReviews(tx, { users: DEMO_USERS });
      const surveys = await seedDemoSurveys(tx);
      await seedDemoComplaints(tx, { users: DEMO_USERS });
      const service = await seedDemoService(tx);
      const health = await seedDemoHealth(tx);
      // Distributor channels: products, channel managers' territories, distributors, agreements.
      const channel = await seedDemoChannelBase(tx, { territoryIdByCode: idByCode, random });
      // Sales reports (with the conflicts they reveal), receivables, the cases' progress, rebate
      // statements and scorecards, each built on the rows before it.
      const channelSales = await seedDemoChannelSales(tx);
      const receivables = await seedDemoReceivables(tx);
      const conflicts = await seedDemoChannelConflicts(tx);
      const rebates = await seedDemoRebates(tx);
      const distributorSurveys = await seedDemoDistributorSurveys(tx);
      const scorecards = await seedDemoDistributorScorecards(tx);
      // Last: the audit trail of everything above, as the app would have written it.
      const history = await seedDemoHistory(tx, { users: DEMO_USERS });
      await tx.auditLog.create({
        data: {
          action: "system.seed",
          entity: "System",
          entityId: "demo",
          after: {
            users: DEMO_USERS.length,
            ...seeded,
            ...deals,
            ...visits,
            ...ledger,
            ...targets,
            ...history,
            ...surveys,
            ...service,
            ...health,
            channel,
            ...channelSales,
            ...receivables,
            ...conflicts,
            ...rebates,
            ...distributorSurveys,
            ...scorecards,
            reviewIndicators: reviews.indicators,
            reviews: reviews.reviews,
          },
        },
      });
    },
    { timeout: 120_000 },
  );
  return {
    password: DEMO_PASSWORD,
    logins: DEMO_USERS.map((u) => ({ role: u.role, email: u.email, name: u.name })),
  };
}

/** Seeds only a database that has no users yet; returns what it did, or null. */
export async function seedIfEmpty(url: string): Promise<SeedResult | null> {
  const db = createDb(url, 2);
  try {
    if ((await db.user.count()) > 0) return null;
    return await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

// `npm run db:seed` (DATABASE_URL required).
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to seed a database (npm start seeds the embedded one by itself).");
    process.exit(1);
  }
  seedIfEmpty(url).then((r) => {
    console.log(
      r
        ? `Seeded demo data; password for all demo users: ${r.password}`
        : "Database already has users; nothing seeded.",
    );
  });
}
