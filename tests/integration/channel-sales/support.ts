// Fixtures for the sales-report tests: a territory pair of its own under East China, an exclusive
// distributor in one city and a non-exclusive one in the other (with an agreement and a floor
// price), a product and a key account — so "exactly the planted conflicts" is exact.
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/domain/calendar";
import { formatCsv } from "@/lib/domain/csv";
import { creditCodeRow, distributorRow, productRow } from "../../factories/channel";
import { insertAccount } from "../../factories/accounts";
import { uniqueSuffix } from "../../factories/org";

export type SalesFixture = Awaited<ReturnType<typeof salesFixture>>;

export async function salesFixture() {
  const s = uniqueSuffix();
  const east = await db.territory.findUniqueOrThrow({ where: { code: "CN-EAST" } });
  const city = (k: string) =>
    db.territory.create({
      data: {
        code: `T${k}-${s}`,
        name: `测${k}${s}市`,
        nameEn: `Test${k} ${s}`,
        level: "CITY",
        parentId: east.id,
        teamId: "team_east",
      },
    });
  const [cityA, cityB] = [await city("A"), await city("B")];
  const product = await db.product.create({
    data: productRow({ code: `SKU-${s}`.toUpperCase(), listPrice: 100_00n }),
  });
  const cheap = await db.product.create({
    data: productRow({ code: `CHEAP-${s}`.toUpperCase(), listPrice: 50_00n }),
  });
  const owner = { ownerId: "usr_east_channel", teamId: "team_east" };
  const exclusive = await db.distributor.create({
    data: {
      ...distributorRow({ ...owner, territoryId: cityA.id, code: `QDA-${s}`.toUpperCase(), stage: "SIGNED" }),
      coverage: { create: [{ territoryId: cityA.id, exclusive: true, active: true }] },
    },
  });
  const seller = await db.distributor.create({
    data: {
      ...distributorRow({ ...owner, territoryId: cityB.id, code: `QDB-${s}`.toUpperCase(), stage: "SIGNED" }),
      coverage: { create: [{ territoryId: cityB.id, exclusive: false, active: true }] },
    },
  });
  const year = new Date().getUTCFullYear();
  await db.channelAgreement.create({
    data: {
      number: `QX-T-${s}`,
      distributorId: seller.id,
      status: "ACTIVE",
      ...owner,
      versions: {
        create: [
          {
            number: 1,
            startsOn: toDbDate(`${year - 1}-01-01`),
            endsOn: toDbDate(`${year + 1}-12-31`),
            annualTarget: 1_000_000_00n,
            quarterlyTargets: [],
            rebateRules: { period: "QUARTER", bands: [] },
            createdAt: new Date(`${year - 1}-01-01T00:00:00Z`),
            products: { create: [{ productId: product.id, floorPrice: 80_00n }, { productId: cheap.id }] },
          },
        ],
      },
    },
  });
  const keyAccount = await insertAccount(db, {
    ownerId: "usr_east_kam1",
    name: `重点客户${s}有限公司`,
    creditCode: creditCodeRow(),
    accountType: "END_CUSTOMER",
  });
  return { s, cityA, cityB, product, cheap, exclusive, seller, keyAccount };
}

export const SELL_OUT_HEADER = [
  "经销商编码",
  "单据号",
  "行号",
  "日期",
  "终端客户",
  "统一社会信用代码",
  "区域",
  "产品编码",
  "数量",
  "单价（元）",
];
export const SELL_IN_HEADER = [
  "Distributor code",
  "Document number",
  "Line",
  "Date",
  "Product code",
  "Quantity",
  "Unit price (yuan)",
  "Amount (yuan)",
];

export const csvBytes = (header: string[], rows: (string | number)[][]) =>
  new TextEncoder().encode(formatCsv([header, ...rows], { bom: true }));

/** Lines and rollups of the distributors, summed: the rollups must equal the lines. */
export async function sumsFor(distributorIds: string[]) {
  const [lines] = await db.$queryRaw<{ inq: bigint; ina: bigint; outq: bigint; outa: bigint }[]>`
    SELECT (SELECT coalesce(sum(quantity), 0)::bigint FROM "SellInLine" WHERE "distributorId" = ANY(${distributorIds})) AS inq,
           (SELECT coalesce(sum(amount), 0)::bigint FROM "SellInLine" WHERE "distributorId" = ANY(${distributorIds})) AS ina,
           (SELECT coalesce(sum(quantity), 0)::bigint FROM "SellOutLine" WHERE "distributorId" = ANY(${distributorIds})) AS outq,
           (SELECT coalesce(sum(amount), 0)::bigint FROM "SellOutLine" WHERE "distributorId" = ANY(${distributorIds})) AS outa`;
  const [rollups] = await db.$queryRaw<{ inq: bigint; ina: bigint; outq: bigint; outa: bigint }[]>`
    SELECT coalesce(sum("sellInQty"), 0)::bigint AS inq, coalesce(sum("sellInAmount"), 0)::bigint AS ina,
           coalesce(sum("sellOutQty"), 0)::bigint AS outq, coalesce(sum("sellOutAmount"), 0)::bigint AS outa
    FROM "ChannelMonthRollup" WHERE "distributorId" = ANY(${distributorIds})`;
  return { lines, rollups };
}
