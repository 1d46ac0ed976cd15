// Demo channel data: a year of sell-in and sell-out per signed distributor (with planted cross-territory, under-floor-price and key-account-overlap lines, detected into conflict cases as an import would), and the monthly rollups.
// Runs after prisma/demo-channel-base.ts (see prisma/seed.ts for the order); deterministic (its own
// seededRandom and fixed ids), dated relative to `now`.
import type { Prisma } from "@/lib/db";
import { recordDetections, type DetectionOnLine } from "@/lib/data/channel-conflicts/open-cases";
import { loadConflictRules } from "@/lib/data/channel-sales/rules-sql";
import { normaliseCompanyName } from "@/lib/domain/account-import";
import { addDays, chinaDate, chinaDayStart, fromDbDate, toDbDate, type IsoDate } from "@/lib/domain/calendar";
import { detectConflicts } from "@/lib/domain/channel-conflict-rules";
import { seededRandom } from "@/lib/domain/random";

type Tx = Prisma.TransactionClient;

// Sales by month of the year: the Spring Festival dip, the autumn peak.
const SEASON = [0.8, 0.55, 1.0, 1.05, 1.0, 1.05, 0.95, 0.9, 1.1, 1.15, 1.25, 1.3];
const CUSTOMER_WORDS = [
  "精密机械",
  "汽车零部件",
  "包装设备",
  "电子科技",
  "食品机械",
  "纺织机械",
  "注塑科技",
  "环保设备",
];
const CUSTOMER_TAILS = ["有限公司", "制造有限公司", "股份有限公司"];

type Dist = { id: string; name: string; teamId: string; territoryId: string; city: string };
type SellOut = Prisma.SellOutLineCreateManyInput & { id: string; soldOn: Date };

export async function seedDemoChannelSales(
  tx: Tx,
  args: { now?: Date } = {},
): Promise<Record<string, number>> {
  const now = args.now ?? new Date();
  const today = chinaDate(now);
  const r = seededRandom(14_2026);
  const distributors: Dist[] = (
    await tx.distributor.findMany({
      where: { stage: "SIGNED", deletedAt: null },
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        teamId: true,
        territoryId: true,
        territory: { select: { name: true } },
      },
    })
  ).map((d) => ({
    id: d.id,
    name: d.name,
    teamId: d.teamId,
    territoryId: d.territoryId,
    city: d.territory.name,
  }));
  if (!distributors.length) return { sellInLines: 0, sellOutLines: 0, plantedConflictLines: 0 };
  const products = await tx.product.findMany({
    orderBy: { id: "asc" },
    select: { id: true, listPrice: true },
  });
  const rules = await loadConflictRules(tx);
  const months = Array.from({ length: 12 }, (_, k) => {
    const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - (11 - k), 1));
    return d.toISOString().slice(0, 10);
  });
  const dayIn = (month: IsoDate): IsoDate => {
    const last = month.slice(0, 7) === today.slice(0, 7) ? Number(today.slice(8, 10)) : 28;
    return `${month.slice(0, 8)}${String(r.int(1, last)).padStart(2, "0")}`;
  };
  const season = (month: IsoDate) => SEASON[Number(month.slice(5, 7)) - 1]!;

  // 出货: ~6 lines a month per distributor in its home city, at or above 85 % of list (floors are 80 %).
  const sellOut: SellOut[] = [];
  const add = (
    d: Dist,
    date: IsoDate,
    line: Omit<SellOut, "id" | "distributorId" | "soldOn" | "teamId" | "lineKey">,
  ) => {
    const id = `sol_${sellOut.length + 1}`;
    sellOut.push({
      id,
      distributorId: d.id,
      lineKey: `d:CH-${id}#1`,
      soldOn: toDbDate(date),
      teamId: d.teamId,
      ...line,
    });
  };
  for (const [i, d] of distributors.entries()) {
    for (const month of months) {
      const lines = r.int(5, 7);
      for (let n = 0; n < lines; n++) {
        const p = products[r.int(0, products.length - 1)]!;
        let customer = `${d.city.replace(/市$/, "")}${r.pick(CUSTOMER_WORDS)}${r.pick(CUSTOMER_TAILS)}`;
        // Never one of our key accounts by accident: the planted overlaps are the only ones.
        if (rules.context.accountByName.has(normaliseCompanyName(customer)))
          customer = `${customer}（${i + 1}分厂）`;
        const quantity = Math.max(1, Math.round(r.int(3, 12) * season(month)));
        const unitPrice = (p.listPrice * BigInt(85 + r.int(0, 15))) / 100n;
        add(d, dayIn(month), {
          customerName: customer,
          customerCreditCode: null,
          regionText: d.city,
          territoryId: d.territoryId,
          productId: p.id,
          quantity,
          unitPrice,
          amount: unitPrice * BigInt(quantity),
        });
      }
    }
  }

  // 进货: each month the distributor restocks what it sold (up to 10 % more, at the channel price: list
  // less 25–30 %), plus an opening stock — except every fifth distributor, who stocks up far
  // beyond its sales (its inventory shows over the healthy months).
  const sellIn: Prisma.SellInLineCreateManyInput[] = [];
  const soldBy = new Map<string, number>(); // distributor|month|product → units
  for (const l of sellOut) {
    const key = `${l.distributorId}|${fromDbDate(l.soldOn).slice(0, 7)}|${l.productId}`;
    soldBy.set(key, (soldBy.get(key) ?? 0) + l.quantity);
  }
  for (const [i, d] of distributors.entries()) {
    const stocking = i % 5 === 2 ? 1.7 : 1;
    for (const [m, month] of months.entries()) {
      let n = 0;
      for (const p of products) {
        const sold = soldBy.get(`${d.id}|${month.slice(0, 7)}|${p.id}`) ?? 0;
        const opening = m === 0 ? 3 : 0;
        const quantity = Math.floor((sold * (100 + r.int(0, 10)) * stocking) / 100) + opening;
        if (quantity <= 0) continue;
        const unitPrice = (p.listPrice * BigInt(70 + r.int(0, 5))) / 100n;
        sellIn.push({
          id: `sil_${sellIn.length + 1}`,
          distributorId: d.id,
          documentNo: `JH${month.slice(0, 7).replace("-", "")}-${d.id.slice(4)}`,
          lineNo: ++n,
          shippedOn: toDbDate(`${month.slice(0, 8)}01`),
          productId: p.id,
          quantity,
          unitPrice,
          amount: unitPrice * BigInt(quantity),
          teamId: d.teamId,
        });
      }
    }
  }

  // Planted conflicts (dates within the last quarter so the cases are recent).
  const byId = new Map(distributors.map((d) => [d.id, d]));
  const planted: string[] = [];
  const territoryOf = (id: string) => byId.get(id)?.territoryId;
  const plant = (
    seller: string,
    into: string | null,
    productId: string,
    pricePct: bigint,
    customer: string,
    code: string | null,
    count: number,
  ) => {
    const d = byId.get(seller);
    const p = products.find((x) => x.id === productId);
    if (!d || !p) return;
    const target = into ? byId.get(into) : d;
    if (!target) return;
    for (let k = 0; k < count; k++) {
      const unitPrice = (p.listPrice * pricePct) / 100n;
      const quantity = 5 + k;
      add(d, addDays(today, -(10 + 17 * k)), {
        customerName: customer,
        customerCreditCode: code,
        regionText: target.city,
        territoryId: target.territoryId,
        productId,
        quantity,
        unitPrice,
        amount: unitPrice * BigInt(quantity),
      });
      planted.push(sellOut[sellOut.length - 1]!.id);
    }
  };
  // 区域窜货: a non-exclusive dealer sells into a neighbour's exclusive city.
  if (territoryOf("dst_003"))
    plant("dst_002", "dst_003", "prd_servo", 95n, "南京秦淮精工机械有限公司", null, 3);
  if (territoryOf("dst_017"))
    plant("dst_016", "dst_017", "prd_vfd", 92n, "石家庄冀东包装机械有限公司", null, 2);
  if (territoryOf("dst_029"))
    plant("dst_028", "dst_029", "prd_plc", 90n, "深圳福田智造科技有限公司", null, 2);
  // 价格竞争: below the 80 % floor.
  plant("dst_005", null, "prd_servo", 70n, "无锡新吴动力设备有限公司", null, 3);
  plant("dst_019", null, "prd_plc", 72n, "青岛城阳橡塑机械有限公司", null, 2);
  // 客户重叠: our own key accounts, by credit code and by name.
  const keyAccounts = await tx.account.findMany({
    where: {
      deletedAt: null,
      accountType: "END_CUSTOMER",
      lifecycle: { not: "LOST" },
      creditCode: { not: null },
    },
    orderBy: { id: "asc" },
    take: 2,
    select: { name: true, creditCode: true },
  });
  if (keyAccounts[0])
    plant("dst_001", null, "prd_hmi", 95n, keyAccounts[0].name, keyAccounts[0].creditCode, 2);
  if (keyAccounts[1]) plant("dst_027", null, "prd_sensor", 98n, keyAccounts[1].name, null, 2);

  await tx.sellInLine.createMany({ data: sellIn });
  await tx.sellOutLine.createMany({
    data: sellOut.map((l) => ({
      ...l,
      accountId: null,
    })),
  });
  await tx.$executeRaw`
    INSERT INTO "ChannelMonthRollup" (month, "distributorId", "productId", "teamId", "sellInQty", "sellInAmount", "sellOutQty", "sellOutAmount")
    SELECT month, "distributorId", "productId", min("teamId"), sum(iq), sum(ia), sum(oq), sum(oa) FROM (
      SELECT date_trunc('month', "shippedOn")::date AS month, "distributorId", "productId", "teamId",
             quantity::bigint AS iq, amount AS ia, 0::bigint AS oq, 0::bigint AS oa FROM "SellInLine"
      UNION ALL
      SELECT date_trunc('month', "soldOn")::date, "distributorId", "productId", "teamId", 0, 0, quantity, amount FROM "SellOutLine"
    ) x GROUP BY month, "distributorId", "productId"`;

  // Detection over every sell-out line with the import's own rules: only the planted ones fire.
  let cases = 0;
  for (const l of sellOut) {
    const sale = {
      distributorId: l.distributorId,
      soldOn: chinaDate(new Date(l.soldOn.getTime())),
      territoryId: l.territoryId ?? null,
      productId: l.productId,
      quantity: l.quantity,
      unitPrice: BigInt(l.unitPrice),
      amount: BigInt(l.amount),
      customerName: l.customerName,
      customerCreditCode: l.customerCreditCode ?? null,
    };
    const detections: DetectionOnLine[] = detectConflicts(sale, rules.context).map((d) => ({
      ...d,
      sellOutLineId: l.id,
    }));
    if (!detections.length) continue;
    const overlap = detections.find((d) => d.accountId);
    if (overlap) await tx.sellOutLine.update({ where: { id: l.id }, data: { accountId: overlap.accountId } });
    const at = new Date(chinaDayStart(addDays(sale.soldOn, 1)).getTime() + 9 * 3_600_000);
    const made = await recordDetections(tx, null, detections, { batchId: null, now: at < now ? at : now });
    cases += made.opened.length;
  }
  return {
    sellInLines: sellIn.length,
    sellOutLines: sellOut.length,
    plantedConflictLines: planted.length,
    conflictCases: cases,
  };
}
