// The pipeline board (开发看板) end to end: a KAM drags a deal onto the next stage and is stopped by
// the unmet gate, completes the stage work and moves it; a deal moved with the keyboard alone; a
// manager passes a gate with a written reason from the board's checklist; the board in Chinese and
// English; a long column loading its next cards as it scrolls; two people moving the same deal (the
// second is told and the board refreshes).
// Desktop drags with the mouse; the phone drags by touch (press and hold) or uses "Move to…".
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { formAlert, signInAs, usersFor, uniqueTag } from "./support";

const isPhone = (info: TestInfo) => info.project.name === "phone";
const form = (page: Page, name: string) => page.getByRole("form", { name, exact: true });
const column = (page: Page, id: string) => page.locator(`section[data-column="${id}"]`);
const card = (page: Page, id: string, title: string) =>
  column(page, id).locator("li[data-deal-id]").filter({ hasText: title });
const boardStatus = (page: Page) => page.getByRole("status", { name: /看板消息|Board messages/ });
const shot = (info: TestInfo, name: string) =>
  `tests/e2e/screenshots/pipeline-board-${info.project.name}-${name}.png`;

/** yyyy-mm-dd `days` from today (Beijing time). */
function isoDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An account with just a name (as the signed-in person), then a deal on it from the account page. */
async function createDeal(page: Page, tag: string): Promise<{ title: string; dealUrl: string }> {
  const title = `${tag} 刀具年度供货`;
  await page.goto("/accounts/new");
  const account = form(page, "新建客户");
  await account.getByLabel("企业名称", { exact: true }).fill(`${tag}精密机械有限公司`);
  await account.getByRole("button", { name: "创建客户" }).click();
  await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
  const deal = form(page, "新建开发项目");
  await deal.getByLabel("项目名称", { exact: true }).fill(title);
  await deal.getByLabel("预计年价值（元）", { exact: true }).fill("180万");
  await deal.getByLabel("预计成交日期", { exact: true }).fill(isoDay(90));
  await deal.getByRole("button", { name: "创建项目" }).click();
  await expect(page).toHaveURL(/\/deals\/[^/?#]+$/);
  return { title, dealUrl: page.url() };
}

/** The stage-1 work on the deal page: the opportunity judgement "yes" opens the gate. */
async function judgeOpportunity(page: Page) {
  const target = form(page, "第 1 阶段工作");
  await target.getByLabel("潜在需求", { exact: true }).fill("现有刀具供应商交期不稳");
  await target.getByRole("group", { name: "是否有成交机会？" }).getByLabel("有——继续开发").check();
  await target.getByRole("button", { name: "保存第 1 阶段" }).click();
  await expect(formAlert(page).filter({ hasText: "已保存“确定开发对象”的工作" })).toBeVisible();
}

/** The board narrowed to one deal (by its unique tag), so its card is on the first page of its column. */
async function openBoard(page: Page, tag: string) {
  await page.goto(`/pipeline?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/开发看板|Pipeline/);
}

/** A mouse drag as a person makes it: press, a small move to start the drag, then on to the column. */
async function mouseDrag(page: Page, from: Locator, to: Locator) {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 14);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 15 });
  await page.mouse.up();
}

/**
 * Press and hold, then drag with a finger (Chrome's touch events through the DevTools protocol): on a
 * phone the next column peeks in at the right edge; the finger slides onto it and lets go as soon as
 * the screen reader is told the card is over that column (before the board auto-scrolls further).
 */
async function touchDrag(page: Page, from: Locator, title: string, columnName: string) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const width = page.viewportSize()!.width;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x = 0, y = 0) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x: Math.round(x), y: Math.round(y) }],
    });
  const over = page.getByRole("status").filter({ hasText: `${title} 位于${columnName}上方` });
  const x0 = a.x + a.width / 2;
  const y = a.y + 14;
  await touch("touchStart", x0, y);
  await page.waitForTimeout(350); // longer than the sensor's 200 ms press delay
  const start = width - 60;
  for (let i = 1; i <= 10; i++) {
    await touch("touchMove", x0 + ((start - x0) * i) / 10, y + 30);
    await page.waitForTimeout(16);
  }
  for (let x = start; x < width && (await over.count()) === 0; x += 4) await touch("touchMove", x, y + 30);
  await touch("touchEnd");
  await cdp.detach();
}

/** "Move to…" on the card, then the column. */
async function moveTo(page: Page, from: Locator, columnLabel: RegExp) {
  await from.getByRole("button", { name: /移动到其他列|to another column/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: columnLabel }).click();
}

test.describe("pipeline board", () => {
  test("a KAM drags a deal onto stage 2, is stopped by the gate, completes the work and moves it", async ({
    page,
  }, info) => {
    test.setTimeout(150_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, kam);
    const { title, dealUrl } = await createDeal(page, tag);

    await openBoard(page, tag);
    const inTarget = card(page, "TARGET", title);
    await expect(inTarget).toBeVisible();
    await expect(inTarget).toContainText("1 项关口未满足");
    await expect(inTarget).toContainText("今日进入本阶段");
    const drag = async () => {
      if (isPhone(info)) await touchDrag(page, card(page, "TARGET", title), title, "信息收集/提供样品");
      else await mouseDrag(page, card(page, "TARGET", title), column(page, "INFORMATION"));
    };
    await drag();

    // Not moved: the checklist of the stage-1 gate instead.
    const dialog = page.getByRole("dialog", { name: "关口未满足" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("确定开发对象关口");
    await expect(dialog.getByRole("listitem").filter({ hasText: "机会判断为“有”" })).toContainText("未满足");
    await expect(dialog.getByLabel("越级审批理由")).toHaveCount(0); // a KAM cannot override
    await page.screenshot({ path: shot(info, "gate") });
    await expect(card(page, "TARGET", title)).toBeVisible();

    // "Complete the stage work" leads to the stage on the deal page.
    await dialog.getByRole("link", { name: "完成阶段工作" }).click();
    await expect(page).toHaveURL(new RegExp(`${new URL(dealUrl).pathname}#stage-TARGET$`));
    await judgeOpportunity(page);

    await openBoard(page, tag);
    await expect(card(page, "TARGET", title)).toContainText("关口已满足");
    await drag();
    await expect(card(page, "INFORMATION", title)).toBeVisible();
    await expect(boardStatus(page)).toContainText(`${title} 已移至信息收集/提供样品`);
    await expect(card(page, "INFORMATION", title)).toContainText("项关口未满足"); // the server's card
    await page.reload();
    await expect(card(page, "INFORMATION", title)).toBeVisible();
    await expect(card(page, "TARGET", title)).toHaveCount(0);
  });

  test("stage work is done where the gate stops a move: in the card's panel and in the gate's, down to a weak decision maker", async ({
    page,
  }, info) => {
    test.setTimeout(180_000);
    const { manager } = usersFor(info);
    const tag = uniqueTag(info);
    const title = `${tag} 刀具年度供货`;
    await signInAs(page, manager);
    // An account whose decision maker is below the stage-4 minimum (4), and a deal already overdue.
    await page.goto("/accounts/new");
    const account = form(page, "新建客户");
    await account.getByLabel("企业名称", { exact: true }).fill(`${tag}精密机械有限公司`);
    await account.getByRole("button", { name: "创建客户" }).click();
    await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
    const add = form(page, "添加联系人");
    await add.getByLabel("姓名", { exact: true }).fill("王磊");
    await add.getByLabel("职务", { exact: true }).fill("采购总监");
    await add.getByLabel("决策角色", { exact: true }).selectOption({ label: "决策者" });
    await add.getByLabel("关系强度", { exact: true }).selectOption("3");
    await add.getByLabel("公关策略", { exact: true }).fill("邀请参加技术交流会");
    await add.getByRole("button", { name: "添加联系人" }).click();
    await expect(formAlert(page).filter({ hasText: "已添加 王磊" })).toBeVisible();
    const deal = form(page, "新建开发项目");
    await deal.getByLabel("项目名称", { exact: true }).fill(title);
    await deal.getByLabel("预计年价值（元）", { exact: true }).fill("180万");
    await deal.getByLabel("预计成交日期", { exact: true }).fill(isoDay(-1));
    await deal.getByRole("button", { name: "创建项目" }).click();
    await expect(page).toHaveURL(/\/deals\/[^/?#]+$/);

    await openBoard(page, tag);
    const inTarget = card(page, "TARGET", title);
    // Overdue: flagged on the card and counted in the figures (the board is narrowed to this deal).
    await expect(inTarget.locator("[data-overdue]")).toHaveText(/逾期/);
    await expect(page.locator('[data-figure="overdue"] dd').first()).toHaveText("1");
    const work = inTarget.getByRole("button", { name: `${title} 的阶段工作` });
    if (isPhone(info)) {
      // Thumb-sized targets on a phone.
      for (const target of [
        inTarget.getByRole("button", { name: `移动 ${title}` }),
        inTarget.getByRole("button", { name: /移动到其他列/ }),
        work,
      ]) {
        const box = (await target.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
    } else {
      // At 1280 px all seven columns are in view at once: 赢单 and 丢单 are drop targets without scrolling.
      let right = 0;
      for (const id of ["TARGET", "INFORMATION", "VALUE", "RELATIONSHIP", "CLOSING", "WON"]) {
        const box = (await column(page, id).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(right); // side by side, none under another
        expect(box.width).toBeGreaterThanOrEqual(120);
        right = box.x + box.width;
      }
      expect(right).toBeLessThanOrEqual(1280);
      const [won, lost] = [await column(page, "WON").boundingBox(), await column(page, "LOST").boundingBox()];
      expect(lost!.x).toBe(won!.x); // 丢单 under 赢单
      expect(lost!.y).toBeGreaterThan(won!.y);
    }

    // The card's stage work in a side panel: the stage-1 form itself, saved there.
    await work.click();
    const panel = page.getByRole("dialog", { name: `${title}：阶段工作` });
    await expect(panel).toContainText("当前阶段：确定开发对象");
    const target = form(page, "第 1 阶段工作");
    await target.getByRole("group", { name: "是否有成交机会？" }).getByLabel("有——继续开发").check();
    await target.getByRole("button", { name: "保存第 1 阶段" }).click();
    await expect(panel).toContainText("本阶段关口已满足");
    await expect(panel.getByRole("button", { name: "推进到 信息收集/提供样品" })).toBeVisible();
    await page.screenshot({ path: shot(info, "panel") });
    // Escape closes it, and focus is back on the card's button.
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(
      card(page, "TARGET", title).getByRole("button", { name: `${title} 的阶段工作` }),
    ).toBeFocused();

    // A manager skips to 关系建立 with a reason; then the stage-4 gate stops the move to 促成成交.
    await moveTo(page, card(page, "TARGET", title), /关系建立/);
    const skip = page.getByRole("dialog", { name: "关口未满足" });
    await skip.getByLabel("越级审批理由").fill("集团指定供应商，直接进入关系建立");
    await skip.getByRole("button", { name: "仍然移动" }).click();
    await expect(card(page, "RELATIONSHIP", title)).toBeVisible();
    if (isPhone(info)) await moveTo(page, card(page, "RELATIONSHIP", title), /促成成交/);
    else await mouseDrag(page, card(page, "RELATIONSHIP", title), column(page, "CLOSING"));
    const gate = page.getByRole("dialog", { name: "关口未满足" });
    await expect(gate).toContainText("采购总监 王磊：支持度 中立，需要 支持");
    await page.screenshot({ path: shot(info, "gate-work") });
    // Raised right there: the gate is met, and the move goes through.
    const raise = form(page, "提升 王磊 的关系");
    await raise.getByLabel("支持度", { exact: true }).selectOption("4");
    await raise.getByRole("button", { name: "保存 王磊 的关系" }).click();
    await expect(gate).toHaveCount(0);
    await expect(card(page, "CLOSING", title)).toBeVisible();
    await expect(boardStatus(page)).toContainText(`${title} 已移至促成成交`);
    await page.reload();
    await expect(card(page, "CLOSING", title)).toBeVisible();
  });

  test("a deal moves with the keyboard alone", async ({ page }, info) => {
    test.setTimeout(150_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, kam);
    const { title } = await createDeal(page, tag);
    await judgeOpportunity(page);
    await openBoard(page, tag);
    await expect(card(page, "TARGET", title)).toContainText("关口已满足");

    // Tab from the view switcher to the card's drag handle.
    await page.getByRole("link", { name: "列表" }).focus();
    const handle = card(page, "TARGET", title).getByRole("button", { name: `移动 ${title}` });
    for (let i = 0; i < 40 && !(await handle.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(handle).toBeFocused();
    await expect(handle).toHaveAttribute("aria-roledescription", "可拖动的项目");
    // Screen-reader announcements (dnd-kit's live region) tell where the card is.
    const announced = (text: string) => page.getByRole("status").filter({ hasText: text });
    await page.keyboard.press("Space");
    await expect(announced(`已拿起 ${title}，位于确定开发对象。`)).toBeAttached();
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowRight");
    await expect(announced(`${title} 位于信息收集/提供样品上方。`)).toBeAttached();
    await page.keyboard.press("Space");

    await expect(card(page, "INFORMATION", title)).toBeVisible();
    // Focus follows the card into its new column, so the next key press still works on it.
    await expect(
      card(page, "INFORMATION", title).getByRole("button", { name: `移动 ${title}` }),
    ).toBeFocused();
    await expect(boardStatus(page)).toContainText(`${title} 已移至信息收集/提供样品`);
    await page.reload();
    await expect(card(page, "INFORMATION", title)).toBeVisible();
    await expect(card(page, "TARGET", title)).toHaveCount(0);
  });

  test("a manager passes an unmet gate with a reason from the board's checklist", async ({ page }, info) => {
    test.setTimeout(150_000);
    const { manager } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, manager);
    const { title } = await createDeal(page, tag);
    await openBoard(page, tag);

    if (isPhone(info)) await moveTo(page, card(page, "TARGET", title), /信息收集\/提供样品/);
    else await mouseDrag(page, card(page, "TARGET", title), column(page, "INFORMATION"));
    const dialog = page.getByRole("dialog", { name: "关口未满足" });
    await expect(dialog).toBeVisible();
    const reason = dialog.getByLabel("越级审批理由");
    await expect(reason).toBeVisible();

    // The reason is required.
    await dialog.getByRole("button", { name: "仍然移动" }).click();
    await expect(dialog).toContainText("越过未满足的关口，请填写越级审批理由。");
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await reason.fill("客户高层已口头确认合作意向，先行送样");
    await page.screenshot({ path: shot(info, "override") });
    await dialog.getByRole("button", { name: "仍然移动" }).click();

    await expect(dialog).toHaveCount(0);
    await expect(card(page, "INFORMATION", title)).toBeVisible();
    await expect(boardStatus(page)).toContainText(`${title} 已移至信息收集/提供样品`);
    await page.reload();
    await expect(card(page, "INFORMATION", title)).toBeVisible();
    await expect(card(page, "TARGET", title)).toHaveCount(0);
  });

  test("a skip over a stage is checked by the server; its checklist names what is missing, in Chinese and in English", async ({
    page,
  }, info) => {
    test.setTimeout(150_000);
    const { kam, kamEn } = usersFor(info);
    // In Chinese: stage 1's gate is met, stage 2's is not. The board cannot know stage 2's gate, so
    // the server answers with the unmet items (ids) and the checklist ticks them off.
    const tag = uniqueTag(info);
    await signInAs(page, kam);
    const { title } = await createDeal(page, tag);
    await judgeOpportunity(page);
    await openBoard(page, tag);
    await moveTo(page, card(page, "TARGET", title), /价值评估\/开发程序/);
    const zh = page.getByRole("dialog", { name: "关口未满足" });
    await expect(zh).toBeVisible();
    const zhItem = (label: string) => zh.getByRole("listitem").filter({ hasText: label });
    await expect(zhItem("机会判断为“有”")).toContainText("已满足");
    await expect(zhItem("已在客户联系人中确定内线")).toContainText("未满足");
    await expect(zhItem("信息充分")).toContainText("未满足");
    await expect(zh.locator("[data-gate-stage] li")).toHaveCount(5);
    await expect(card(page, "TARGET", title)).toBeVisible();
    await zh.getByRole("button", { name: "取消" }).click();

    // In English, for a deal of her own with nothing done: every item of both gates is unmet.
    await page.context().clearCookies();
    await signInAs(page, kamEn);
    const tagEn = uniqueTag(info);
    const titleEn = `${tagEn} tooling supply`;
    await page.goto("/accounts/new");
    const account = form(page, "New account");
    // Names that begin alike count as similar: this one begins with the tag's changing end.
    const reversed = [...tagEn].reverse().join("");
    await account.getByLabel("Company name", { exact: true }).fill(`${reversed} Precision Tools Co.`);
    await account.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
    const deal = form(page, "Open a development deal");
    await deal.getByLabel("Deal title", { exact: true }).fill(titleEn);
    await deal.getByLabel("Expected annual value (yuan)", { exact: true }).fill("1,500,000");
    await deal.getByRole("button", { name: "Open the deal" }).click();
    await expect(page).toHaveURL(/\/deals\/[^/?#]+$/);
    await openBoard(page, tagEn);
    await moveTo(page, card(page, "TARGET", titleEn), /Value assessment and programme/);
    const en = page.getByRole("dialog", { name: "Gate not met" });
    await expect(en).toBeVisible();
    await expect(en).toContainText("Gate of Determine the target");
    await expect(en).toContainText("Gate of Information and samples");
    const enItem = (label: string) => en.getByRole("listitem").filter({ hasText: label });
    await expect(enItem("The opportunity judgement is “yes”")).toContainText("Not met");
    await expect(enItem("The customer's needs are clear")).toContainText("Not met");
    await expect(en.getByText("Met", { exact: true })).toHaveCount(0);
  });

  test("the board in Chinese and in English", async ({ page }, info) => {
    const { kam, kamEn } = usersFor(info);
    await signInAs(page, kam);
    await page.goto("/pipeline");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("开发看板");
    const zh = {
      TARGET: "确定开发对象",
      INFORMATION: "信息收集/提供样品",
      VALUE: "价值评估/开发程序",
      RELATIONSHIP: "关系建立",
      CLOSING: "促成成交",
      WON: "赢单",
      LOST: "丢单",
    };
    for (const [id, name] of Object.entries(zh)) {
      await expect(column(page, id).getByRole("heading", { level: 2 })).toContainText(name);
    }
    await expect(column(page, "WON")).toContainText("近 90 天内关闭");
    await expect(column(page, "LOST")).toContainText("近 90 天内关闭");
    await expect(column(page, "TARGET")).toContainText(/\d+ 个项目/);
    await expect(column(page, "TARGET")).toContainText("加权");
    await expect(page.getByText("加权金额", { exact: true })).toBeVisible();
    await expect(page.getByText("赢单率", { exact: true })).toBeVisible();
    await expect(page.locator("li[data-deal-id]").first()).toBeVisible();
    await page.screenshot({ path: shot(info, "zh"), fullPage: !isPhone(info) });

    // The same deals as a list.
    await page.getByRole("link", { name: "列表" }).click();
    await expect(page).toHaveURL(/view=list/);
    const table = page.getByRole("table", { name: "开发看板上的项目" });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    // Largest first by default; the header sorts on the server through the address.
    const valueHeader = table.getByRole("columnheader", { name: /^金额/ });
    await expect(valueHeader).toHaveAttribute("aria-sort", "descending");
    await valueHeader.getByRole("link").click();
    await expect(page).toHaveURL(/sort=value&dir=asc/);
    await expect(valueHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(page.getByText(/第 1–\d+ 个，共 \d+ 个/)).toBeVisible();
    await page.screenshot({ path: shot(info, "list") });

    await page.context().clearCookies();
    await signInAs(page, kamEn);
    await page.goto("/pipeline");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pipeline");
    const en = {
      TARGET: "Determine the target",
      INFORMATION: "Information and samples",
      VALUE: "Value assessment and programme",
      RELATIONSHIP: "Relationship building",
      CLOSING: "Closing",
      WON: "Won",
      LOST: "Lost",
    };
    for (const [id, name] of Object.entries(en)) {
      await expect(column(page, id).getByRole("heading", { level: 2 })).toContainText(name);
    }
    await expect(column(page, "WON")).toContainText("Closed in the last 90 days");
    await expect(page.getByText("Weighted pipeline", { exact: true })).toBeVisible();
    await expect(page.getByText("Win rate", { exact: true })).toBeVisible();
    await page.screenshot({ path: shot(info, "en"), fullPage: !isPhone(info) });
  });

  test("a long column shows its first cards and loads the rest as it scrolls", async ({ page }, info) => {
    const { director } = usersFor(info);
    await signInAs(page, director);
    await page.goto("/pipeline");
    // 确定开发对象 holds more deals than a column's first page (15 in the demo data, and the
    // deals other tests create): its first 12 arrive with the page, the rest on demand.
    const target = column(page, "TARGET");
    const cards = target.locator("li[data-deal-id]");
    const more = target.getByRole("button", { name: /显示更多（还有 \d+ 个）/ });
    await expect(more).toBeVisible();
    await expect(cards).toHaveCount(12);
    const heading = (await target.locator("header").innerText()).match(/(\d+) 个项目/);
    const total = Number(heading?.[1]);
    expect(total).toBeGreaterThan(12);
    await expect(more).toHaveText(`显示更多（还有 ${total - 12} 个）`);

    if (isPhone(info)) {
      // On a phone, scrolling to the column's end loads the next page by itself.
      await target.locator("[data-column-scroll]").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect.poll(() => cards.count()).toBeGreaterThan(12);
    } else {
      // From the keyboard the button loads it, and focus moves to the first card it brought.
      await more.press("Enter");
      await expect.poll(() => cards.count()).toBeGreaterThan(12);
      await expect(cards.nth(12).locator("[data-drag-handle]")).toBeFocused();
    }
    for (let i = 0; i < 5 && (await more.isVisible()); i++) await more.click();
    await expect(more).toHaveCount(0);
    const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute("data-deal-id")));
    expect(ids.length).toBeGreaterThanOrEqual(total);
    expect(new Set(ids).size).toBe(ids.length);
    // The totals count every deal of the column, loaded or not, so they did not change.
    await expect(target.locator("header")).toContainText(`${total} 个项目`);
    await page.screenshot({ path: shot(info, "loaded"), fullPage: !isPhone(info) });
  });

  test("two people move the same deal: the second is told and the board refreshes", async ({
    page,
    browser,
  }, info) => {
    test.setTimeout(150_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, kam);
    const { title } = await createDeal(page, tag);
    await judgeOpportunity(page);

    // A second window of the same person, opened on the board before the first moves the deal.
    const use = info.project.use;
    const other = await browser.newContext({
      baseURL: use.baseURL,
      viewport: use.viewport,
      deviceScaleFactor: use.deviceScaleFactor,
      isMobile: use.isMobile,
      hasTouch: use.hasTouch,
      userAgent: use.userAgent,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    const second = await other.newPage();
    await signInAs(second, kam);
    await openBoard(second, tag);
    await openBoard(page, tag);
    await expect(card(second, "TARGET", title)).toBeVisible();

    await moveTo(page, card(page, "TARGET", title), /信息收集\/提供样品/);
    await expect(boardStatus(page)).toContainText(`${title} 已移至信息收集/提供样品`);

    // The second board still shows the deal in stage 1 at its old version: marking it lost there
    // is refused as a stale change, never applied over the first move.
    await moveTo(second, card(second, "TARGET", title), /丢单/);
    const lost = second.getByRole("dialog", { name: "标记为丢单" });
    await lost.getByLabel("丢单原因").selectOption({ index: 1 });
    await lost.getByLabel("备注（可选）").fill("客户选择了竞争对手");
    await lost.getByRole("button", { name: "标记为丢单" }).click();
    await expect(lost).toHaveCount(0);
    const alert = second.getByRole("alert").filter({ hasText: "已被他人修改" });
    await expect(alert).toContainText(`${title} 已被他人修改`);
    await expect(card(second, "INFORMATION", title)).toBeVisible(); // refreshed: the first move shows
    await expect(card(second, "TARGET", title)).toHaveCount(0);
    await expect(card(second, "LOST", title)).toHaveCount(0);
    await second.screenshot({ path: shot(info, "conflict") });
    await other.close();
  });
});
