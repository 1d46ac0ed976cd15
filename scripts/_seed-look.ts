import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { createTestDatabase } from "../tests/support/test-database";
import { topReasons, type FactorScore } from "@/lib/domain/health";

const database = await createTestDatabase("healthlook");
const db = createDb(database.url, 2);
const t = Date.now();
await seedDemo(db);
console.log("seed ms", Date.now() - t);
const rows = await db.$queryRaw<{ name: string; tier: string; healthScore: number; healthBand: string; factors: FactorScore[] }[]>`
  SELECT a.name, a.tier::text, a."healthScore", a."healthBand"::text, (SELECT s.factors FROM "HealthSnapshot" s WHERE s."accountId"=a.id ORDER BY "computedAt" DESC LIMIT 1) AS factors
  FROM "Account" a WHERE a."deletedAt" IS NULL ORDER BY a."healthScore"`;
const bands: Record<string, number> = {};
for (const r of rows) bands[r.healthBand] = (bands[r.healthBand] ?? 0) + 1;
console.log(bands);
for (const r of rows.slice(0, 25)) console.log(r.tier, r.healthScore, r.healthBand, r.name, topReasons(r.factors).map((f) => `${f.factor}:${f.points}/${f.max}`).join(" "));
const pts = rows.filter((_, i) => i % 10 === 0).map((r) => r.healthScore);
console.log(pts.join(" "));
const s = await db.serviceItem.count(); const d = await db.serviceDelivery.count(); const f = await db.followUp.count({ where: { reason: "SERVICE_ITEM" } });
console.log({ s, d, f });
await db.$disconnect();
if (process.env.KEEP !== "1") await database.drop(); else console.log(database.url);
