// The board and its list view on PostgreSQL: filters, the 90-day window of closed deals, sorting
// and paging, a page per column with the totals of all its deals.
import { describe, expect, it } from "vitest";
import {
  BOARD_FIRST_PAGE,
  BOARD_NEXT_PAGE,
  getBoard,
  getBoardColumnPage,
  listBoardDeals,
} from "@/lib/data/deals/board";
import { moveDeal } from "@/lib/data/deals/moves";
import { db } from "@/lib/db";
import { BOARD_COLUMNS, columnTotals, weightedValue } from "@/lib/domain/pipeline";
import { DEAL_LIST_SORTS, type DealListSort } from "@/lib/validation/deals";
import { DAY, uniquePrefix, newDeal, boardIds } from "./fixtures";
import { accountFixture, viewerFor } from "../helpers";

describe("the board", () => {
  it("filters by owner, tier, value range, expected close and text, largest first", async () => {
    const kam1 = await viewerFor("usr_east_kam1");
    const kam2 = await viewerFor("usr_east_kam2");
    const manager = await viewerFor("usr_east_manager");
    const prefix = uniquePrefix("Filter");
    const tierA = await accountFixture(kam1.id, `${prefix} 苏州重点客户有限公司`);
    await db.account.update({ where: { id: tierA.id }, data: { tier: "A" } });
    const plain = await accountFixture(kam2.id);
    const big = await newDeal(kam1, tierA.id, `${prefix} big`, {
      expectedValueYuan: 5_000_000,
      expectedCloseDate: new Date(Date.UTC(2027, 2, 31)),
    });
    const mid = await newDeal(kam2, plain.id, `${prefix} mid`, {
      expectedValueYuan: 1_500_000,
      expectedCloseDate: new Date(Date.UTC(2027, 0, 15)),
    });
    const small = await newDeal(kam2, plain.id, `${prefix} small`, { expectedValueYuan: 300_000 });

    const ids = (filters: Parameters<typeof listBoardDeals>[1]) => boardIds(manager, prefix, filters);
    const cards = (await listBoardDeals(manager, { q: prefix })).cards;
    expect(cards.map((c) => c.id)).toEqual([big, mid, small]);
    expect(cards[0]).toMatchObject({
      title: `${prefix} big`,
      accountId: tierA.id,
      accountName: `${prefix} 苏州重点客户有限公司`,
      tier: "A",
      expectedValue: 5_000_000,
      ownerId: kam1.id,
      ownerName: "王伟",
      teamId: "team_east",
      stage: "TARGET",
      status: "OPEN",
      closedAt: null,
      closeProbability: null,
      expectedCloseDate: new Date(Date.UTC(2027, 2, 31)),
      version: 1,
    });
    expect(await ids({ ownerId: kam2.id })).toEqual([mid, small]);
    expect(await ids({ tier: ["A"] })).toEqual([big]);
    expect(await ids({ tier: ["B", "C"] })).toEqual([mid, small]);
    expect(await ids({ valueMin: 1_500_000 })).toEqual([big, mid]);
    expect(await ids({ valueMax: 1_500_000 })).toEqual([mid, small]);
    expect(await ids({ valueMin: 400_000, valueMax: 4_999_999.99 })).toEqual([mid]);
    expect(await ids({ closeFrom: "2027-01-15", closeTo: "2027-03-30" })).toEqual([mid]);
    expect(await ids({ closeFrom: "2027-01-16" })).toEqual([big]);
    expect(await ids({ closeTo: "2027-03-31" })).toEqual([big, mid]);
    // Text matches the title or the account's name; % and _ are taken literally.
    expect(await boardIds(manager, "苏州重点客户")).toContain(big);
    expect(await boardIds(manager, `${prefix} small`)).toEqual([small]);
    expect(await boardIds(manager, `${prefix}%small`)).toEqual([]);
  });

  it("shows deals won or lost in the last 90 days, not older ones", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Closed");
    const lostRecently = await newDeal(kam, account.id, `${prefix} recent`, { expectedValueYuan: 3 });
    const lostLongAgo = await newDeal(kam, account.id, `${prefix} old`, { expectedValueYuan: 2 });
    const openOld = await newDeal(kam, account.id, `${prefix} open`, { expectedValueYuan: 1 });
    for (const id of [lostRecently, lostLongAgo]) {
      await moveDeal(kam, { id, version: 1, to: "LOST", lostReasonId: "lr_budget" });
    }
    const now = new Date();
    await db.deal.update({
      where: { id: lostRecently },
      data: { closedAt: new Date(now.getTime() - 89 * DAY) },
    });
    await db.deal.update({
      where: { id: lostLongAgo },
      data: { closedAt: new Date(now.getTime() - 91 * DAY) },
    });
    // An open deal stays however long it has sat in its stage.
    await db.deal.update({
      where: { id: openOld },
      data: { stageEnteredAt: new Date(now.getTime() - 400 * DAY) },
    });
    const board = await listBoardDeals(kam, { q: prefix }, {}, now);
    expect(board.closedSince.getTime()).toBe(now.getTime() - 90 * DAY);
    expect(board.cards.map((c) => c.id)).toEqual([lostRecently, openOld]);
  });

  it("the list view sorts by every column and pages on the server, closed deals last where a figure is open-only", async () => {
    const kam1 = await viewerFor("usr_east_kam1");
    const kam2 = await viewerFor("usr_east_kam2");
    const manager = await viewerFor("usr_east_manager");
    const prefix = uniquePrefix("List");
    const accountA = await accountFixture(kam1.id, `${prefix} Alpha Ltd`);
    const accountB = await accountFixture(kam2.id, `${prefix} Beta Ltd`);
    await db.account.update({ where: { id: accountA.id }, data: { tier: "A" } });
    const now = new Date();
    const spec = [
      { who: kam1, account: accountA, name: "delta", value: 500_000, close: "2027-05-01", enteredDaysAgo: 3 },
      { who: kam1, account: accountA, name: "alpha", value: 900_000, close: null, enteredDaysAgo: 40 },
      { who: kam2, account: accountB, name: "echo", value: 300_000, close: "2027-02-01", enteredDaysAgo: 10 },
      { who: kam2, account: accountB, name: "bravo", value: 300_000, close: "2027-03-01", enteredDaysAgo: 1 },
      { who: kam2, account: accountB, name: "charlie", value: 700_000, close: null, enteredDaysAgo: 20 },
      {
        who: kam1,
        account: accountA,
        name: "foxtrot",
        value: 100_000,
        close: "2026-12-24",
        enteredDaysAgo: 5,
      },
      { who: kam1, account: accountA, name: "golf", value: 800_000, close: "2027-01-10", enteredDaysAgo: 2 },
    ];
    const ids: string[] = [];
    for (const d of spec) {
      ids.push(
        await newDeal(d.who, d.account.id, `${prefix} ${d.name}`, {
          expectedValueYuan: d.value,
          expectedCloseDate: d.close ? new Date(`${d.close}T00:00:00Z`) : null,
        }),
      );
    }
    for (const [i, d] of spec.entries()) {
      await db.deal.update({
        where: { id: ids[i] },
        data: { stageEnteredAt: new Date(now.getTime() - d.enteredDaysAgo * DAY) },
      });
    }
    await db.deal.update({ where: { id: ids[1] }, data: { stage: "VALUE", closeProbability: 10 } });
    await db.deal.update({ where: { id: ids[4] }, data: { stage: "CLOSING" } });
    await db.deal.update({
      where: { id: ids[6] },
      data: { status: "WON", closedAt: new Date(now.getTime() - DAY) },
    });

    const filters = { q: prefix };
    const every = (await listBoardDeals(manager, filters, {}, now)).cards;
    expect(every).toHaveLength(7);
    type Card = (typeof every)[number];
    const open = (c: Card) => c.status === "OPEN";
    const sortValue: { [K in DealListSort]: (c: Card) => string | number | null } = {
      title: (c) => c.title,
      account: (c) => c.accountName,
      tier: (c) => c.tier,
      stage: (c) => BOARD_COLUMNS.indexOf(open(c) ? c.stage : (c.status as "WON" | "LOST")),
      value: (c) => c.expectedValue,
      weighted: (c) => (open(c) ? weightedValue(c) : null),
      owner: (c) => c.ownerName,
      days: (c) => (open(c) ? now.getTime() - c.stageEnteredAt.getTime() : null),
      close: (c) => c.expectedCloseDate?.getTime() ?? null,
    };
    /** The order the list promises: the key (missing ones last), then largest value, then id. */
    const expected = (sort: DealListSort, dir: "asc" | "desc") =>
      [...every]
        .sort((a, b) => {
          const x = sortValue[sort](a);
          const y = sortValue[sort](b);
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return (x < y ? -1 : 1) * (dir === "asc" ? 1 : -1);
          }
          return b.expectedValue - a.expectedValue || (a.id < b.id ? -1 : 1);
        })
        .map((c) => c.id);
    for (const sort of Object.keys(DEAL_LIST_SORTS) as DealListSort[]) {
      for (const dir of ["asc", "desc"] as const) {
        const page = await listBoardDeals(manager, filters, { sort, dir }, now);
        expect(
          page.cards.map((c) => c.id),
          `${sort} ${dir}`,
        ).toEqual(expected(sort, dir));
      }
    }
    // Won deals have no weighted value or days in stage: last in both directions.
    expect((await listBoardDeals(manager, filters, { sort: "days", dir: "asc" }, now)).cards.at(-1)?.id).toBe(
      ids[6],
    );

    // Pages of 3: the second holds the 4th to 6th, each page knows the total, past the end is empty.
    const byTitle = expected("title", "asc");
    const second = await listBoardDeals(
      manager,
      filters,
      { sort: "title", dir: "asc", page: 2, pageSize: 3 },
      now,
    );
    expect(second.cards.map((c) => c.id)).toEqual(byTitle.slice(3, 6));
    expect(second.total).toBe(7);
    expect(second.cards).toEqual(
      every
        .filter((c) => byTitle.slice(3, 6).includes(c.id))
        .sort((a, b) => byTitle.indexOf(a.id) - byTitle.indexOf(b.id)),
    );
    const beyond = await listBoardDeals(manager, filters, { page: 9, pageSize: 3 }, now);
    expect(beyond).toMatchObject({ cards: [], total: 7 });
    // A KAM of another team sees none of them.
    const outsider = await viewerFor("usr_north_kam1");
    expect(await listBoardDeals(outsider, filters, { pageSize: 3 }, now)).toMatchObject({
      cards: [],
      total: 0,
    });
  });

  it("sends a page per column with the totals of all its deals, and the next pages without gaps or repeats", async () => {
    const kam = await viewerFor("usr_east_kam1");
    const outsider = await viewerFor("usr_north_kam1");
    const account = await accountFixture(kam.id);
    const prefix = uniquePrefix("Pages");
    // 50 deals with repeated values (the order falls back to the id), then some moved on or lost.
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      ids.push(
        await newDeal(kam, account.id, `${prefix} ${i}`, { expectedValueYuan: 10_000 * (1 + (i % 6)) }),
      );
    }
    const now = new Date();
    await db.deal.updateMany({
      where: { id: { in: ids.slice(0, 5) } },
      data: { stage: "INFORMATION", closeProbability: 55 },
    });
    await db.deal.updateMany({ where: { id: { in: ids.slice(5, 7) } }, data: { stage: "VALUE" } });
    await db.deal.updateMany({
      where: { id: { in: ids.slice(7, 9) } },
      data: { status: "LOST", closedAt: new Date(now.getTime() - 3 * DAY) },
    });

    const filters = { q: prefix };
    const every = (await listBoardDeals(kam, filters, {}, now)).cards;
    const board = await getBoard(kam, filters, now);
    for (const column of BOARD_COLUMNS) {
      const all = every.filter((c) => (c.status === "OPEN" ? c.stage : c.status) === column);
      const { cards, totals, more } = board.columns[column];
      // The first page is the column's largest deals, card for card what the full list holds.
      expect(cards).toEqual(all.slice(0, BOARD_FIRST_PAGE));
      const expected = columnTotals(all);
      expect(totals.count).toBe(expected.count);
      expect(totals.value).toBeCloseTo(expected.value, 2);
      expect(totals.weighted).toBeCloseTo(expected.weighted, 2);
      expect(more).toBe(all.length > BOARD_FIRST_PAGE);
    }
    expect(board.columns.TARGET.totals.count).toBe(41);
    expect(board.columns.INFORMATION.totals).toMatchObject({ count: 5 });
    // 信息收集 deals carry their own probability (55%); the others use the stage's default.
    expect(board.columns.INFORMATION.totals.weighted).toBeCloseTo(
      every.filter((c) => c.stage === "INFORMATION").reduce((t, c) => t + c.expectedValue * 0.55, 0),
      2,
    );
    expect(board.columns.LOST.totals.count).toBe(2);
    expect(board.columns.WON.totals).toEqual({ count: 0, value: 0, weighted: 0 });

    // Scrolling 确定开发对象 to its end: 12 + 24 + 5 = 41, in the board's order, each deal once.
    const target = every.filter((c) => c.status === "OPEN" && c.stage === "TARGET");
    const seen = board.columns.TARGET.cards.map((c) => c.id);
    let last = board.columns.TARGET.cards.at(-1)!;
    let pages = 0;
    for (let more = true; more; pages++) {
      const page = await getBoardColumnPage(
        kam,
        { filters, column: "TARGET", after: { value: last.expectedValue, id: last.id } },
        now,
      );
      expect(page.cards.length).toBeLessThanOrEqual(BOARD_NEXT_PAGE);
      seen.push(...page.cards.map((c) => c.id));
      last = page.cards.at(-1) ?? last;
      more = page.more;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(target.map((c) => c.id));

    // A closed column pages too; another team's KAM gets nothing of these deals.
    const lost = board.columns.LOST.cards;
    const lostPage = await getBoardColumnPage(
      kam,
      { filters, column: "LOST", after: { value: lost[0]!.expectedValue, id: lost[0]!.id } },
      now,
    );
    expect(lostPage).toEqual({ cards: [lost[1]], more: false });
    const theirs = await getBoard(outsider, filters, now);
    expect(BOARD_COLUMNS.map((c) => theirs.columns[c].totals.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const theirPage = await getBoardColumnPage(
      outsider,
      { filters, column: "TARGET", after: { value: 1e9, id: "" } },
      now,
    );
    expect(theirPage).toEqual({ cards: [], more: false });
  });
});
