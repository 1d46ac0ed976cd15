// The deal page end to end: a key-account manager opens a deal on their account, does the work of
// each stage and moves it through every gate (adding the inside coach and the decision maker on the
// account page), wins it with a cooperation agreement and renews that agreement; a manager passes an
// unmet gate with a written reason that the history keeps; the page in English; the renewal list;
// the pipeline settings.
import { expect, test, type Page } from "@playwright/test";
import { formAlert, signInAs, usersFor, uniqueTag, countInteractions, interactionCounts } from "./support";

const form = (page: Page, name: string) => page.getByRole("form", { name, exact: true });

/** yyyy-mm-dd `days` from today (Beijing time, as the browser runs). */
function isoDay(days: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Creates an account with just a name (as the signed-in person) and returns its page URL. */
async function createAccount(
  page: Page,
  name: string,
  labels = { form: "新建客户", name: "企业名称", submit: "创建客户" },
) {
  await page.goto("/accounts/new");
  const create = form(page, labels.form);
  await create.getByLabel(labels.name, { exact: true }).fill(name);
  await create.getByRole("button", { name: labels.submit }).click();
  await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
  return page.url();
}

/** Opens a deal from the account page's deals section and returns the deal page URL. */
async function openDeal(page: Page, title: string, value: string, products = "") {
  const create = form(page, "新建开发项目");
  await create.getByLabel("项目名称", { exact: true }).fill(title);
  await create.getByLabel("预计年价值（元）", { exact: true }).fill(value);
  await create.getByLabel("预计成交日期", { exact: true }).fill(isoDay(120));
  if (products) await create.getByLabel("意向产品或服务", { exact: true }).fill(products);
  await create.getByRole("button", { name: "创建项目" }).click();
  await expect(page).toHaveURL(/\/deals\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url();
}

const currentStep = (page: Page) =>
  page.getByRole("navigation", { name: "开发阶段" }).locator('[aria-current="step"]');

/** Moves the deal on with the forward form and waits until the stepper shows the next stage. */
async function moveForward(page: Page, to: string) {
  await form(page, `推进到“${to}”`)
    .getByRole("button", { name: `推进到${to}` })
    .click();
  await expect(currentStep(page)).toContainText(to);
}

test.describe("deal page", () => {
  test("the renewal list shows a seeded agreement ending within the window", async ({ page }, info) => {
    const { manager } = usersFor(info);
    await signInAs(page, manager);
    await page.goto("/agreements");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("合作协议");
    const renewals = page.getByRole("list", { name: "60 天内到期待续签" });
    await expect(renewals.locator(":scope > li").first()).toBeVisible();
    await expect(renewals.locator(":scope > li").first()).toContainText(/\d+ 天后到期/);
    await expect(page.getByRole("table", { name: "合作协议" }).locator("tbody tr").first()).toBeVisible();
  });

  test("a KAM develops a deal through every gate, wins it and renews the agreement", async ({
    page,
  }, info) => {
    test.setTimeout(180_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    const accountName = `${tag}液压设备有限公司`;
    const title = `${tag} 液压阀年度供货`;
    await signInAs(page, kam);
    await countInteractions(page);
    const accountUrl = await createAccount(page, accountName);
    await expect(page.locator("#deals")).toContainText("该客户还没有开发项目");
    const dealUrl = await openDeal(page, title, "240万", "液压阀、密封件");
    await expect(page.locator("main header")).toContainText("确定开发对象");
    await expect(page.locator("main header")).toContainText("今天进入本阶段");
    await expect(currentStep(page)).toContainText("确定开发对象");

    // Stage 1: the opportunity judgement opens the gate.
    const checklist = page.locator("#checklist");
    await expect(checklist).toContainText("尚有 1 项未满足");
    const target = form(page, "第 1 阶段工作");
    await target.getByLabel("潜在需求", { exact: true }).fill("现有供应商交期不稳，需第二供应商");
    await target.getByLabel("需求紧迫度", { exact: true }).selectOption("4");
    await target.getByLabel("初步沟通", { exact: true }).fill("与采购部长电话沟通，约定下月拜访");
    await target.getByRole("group", { name: "是否有成交机会？" }).getByLabel("有——继续开发").check();
    await target.getByRole("button", { name: "保存第 1 阶段" }).click();
    await expect(formAlert(page).filter({ hasText: "已保存“确定开发对象”的工作" })).toBeVisible();
    await expect(checklist).toContainText("关口条件已全部满足");
    await moveForward(page, "信息收集/提供样品");

    // Stage 2: the move is refused while the gate is unmet, with what is missing; no override for a KAM.
    const forward = form(page, "推进到“价值评估/开发程序”");
    await expect(forward.getByLabel("越级审批理由")).toHaveCount(0);
    await forward.getByRole("button", { name: "推进到价值评估/开发程序" }).click();
    await expect(forward.getByRole("alert")).toContainText("该项目尚未满足本阶段的关口条件");
    await expect(forward).toContainText("已在客户联系人中确定内线");
    await expect(forward).toContainText("信息充分");
    await expect(currentStep(page)).toContainText("信息收集/提供样品");

    const info2 = form(page, "第 2 阶段工作");
    await info2.getByLabel("样品内容", { exact: true }).fill("DN50 液压阀样品 2 件");
    await info2.getByLabel("寄送日期", { exact: true }).fill(isoDay(-3));
    await info2.getByLabel("符合约定规格", { exact: true }).check();
    await info2.getByRole("group", { name: "客户是否认可？" }).getByLabel("已认可").check();
    await info2.getByLabel("技术负责人", { exact: true }).fill("刘工");
    await info2.getByLabel("信息充分", { exact: true }).check();
    await info2.getByLabel("需求明确", { exact: true }).check();
    await info2.getByRole("button", { name: "保存第 2 阶段" }).click();
    await expect(formAlert(page).filter({ hasText: "已保存“信息收集/提供样品”的工作" })).toBeVisible();
    await expect(checklist).toContainText("尚有 1 项未满足");
    await expect(page.locator("#stage-INFORMATION")).toContainText("客户联系人中还没有决策角色为“内线”的人");

    // The inside coach and a strong decision maker with an influence plan, on the account page.
    await page.locator("#stage-INFORMATION").getByRole("link", { name: "到客户页面添加" }).click();
    await expect(page).toHaveURL(new RegExp(`${new URL(accountUrl).pathname}#contacts$`));
    const add = form(page, "添加联系人");
    await add.getByLabel("姓名", { exact: true }).fill("钱工");
    await add.getByLabel("职务", { exact: true }).fill("设备科长");
    await add.getByLabel("决策角色", { exact: true }).selectOption({ label: "内线" });
    await add.getByRole("button", { name: "添加联系人" }).click();
    await expect(formAlert(page).filter({ hasText: "已添加 钱工" })).toBeVisible();
    await add.getByLabel("姓名", { exact: true }).fill("赵总");
    await add.getByLabel("职务", { exact: true }).fill("总经理");
    await add.getByLabel("决策角色", { exact: true }).selectOption({ label: "决策者" });
    await add.getByLabel("关系强度", { exact: true }).selectOption("4");
    await add.getByLabel("公关策略", { exact: true }).fill("季度高层互访，邀请参观工厂");
    await add.getByRole("button", { name: "添加联系人" }).click();
    await expect(formAlert(page).filter({ hasText: "已添加 赵总" })).toBeVisible();

    await page.goto(dealUrl);
    await expect(checklist).toContainText("关口条件已全部满足");
    await expect(page.locator("#stage-INFORMATION")).toContainText("钱工");
    await moveForward(page, "价值评估/开发程序");

    // Stage 3: probability, cost, an obstacle with its counter-measure, one programme step.
    const value = form(page, "第 3 阶段工作");
    await value.getByLabel("成交可能性（%）", { exact: true }).fill("60");
    await value.getByLabel("预计开发费用（元）", { exact: true }).fill("20万");
    await value.getByRole("button", { name: "添加障碍" }).click();
    await value.getByLabel("障碍 1", { exact: true }).fill("现有供应商价格低 5%");
    await value.getByLabel("应对措施 1", { exact: true }).fill("以交期和质量保证抵消价差");
    await value.getByRole("button", { name: "添加步骤" }).click();
    await value.getByLabel("步骤 1", { exact: true }).fill("安排技术交流会");
    await value.getByLabel("步骤 1 完成日期", { exact: true }).fill(isoDay(14));
    await value.getByRole("button", { name: "保存第 3 阶段" }).click();
    await expect(formAlert(page).filter({ hasText: "已保存“价值评估/开发程序”的工作" })).toBeVisible();
    // The rows show what was saved (React resets a form after its action).
    await expect(value.getByLabel("障碍 1", { exact: true })).toHaveValue("现有供应商价格低 5%");
    await expect(value.getByLabel("步骤 1", { exact: true })).toHaveValue("安排技术交流会");
    await expect(value.getByLabel("步骤 1 负责人", { exact: true })).toHaveValue(/.+/);
    await expect(checklist).toContainText("关口条件已全部满足");
    await moveForward(page, "关系建立");

    // Stage 4: the decision maker meets the minimum strength and has a plan.
    const relationship = page.locator("#stage-RELATIONSHIP");
    await expect(relationship.getByRole("table", { name: "客户的决策者" })).toContainText("赵总");
    await expect(relationship).toContainText("满足关口");
    await moveForward(page, "促成成交");

    // Stage 5: the closing work, then the win creates the agreement (ending within the renewal window).
    const closing = form(page, "第 5 阶段工作");
    await closing.getByLabel("已进行高层沟通", { exact: true }).check();
    await closing.getByLabel("已完成考察/验厂", { exact: true }).check();
    await closing.getByLabel("已安排系统支持", { exact: true }).check();
    await closing.getByRole("button", { name: "保存第 5 阶段" }).click();
    await expect(formAlert(page).filter({ hasText: "已保存“促成成交”的工作" })).toBeVisible();
    await expect(checklist).toContainText("关口条件已全部满足");
    // Nothing sticks out sideways on a phone.
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth!);
    await page.screenshot({
      path: `tests/e2e/screenshots/deal-page-${info.project.name}.png`,
      fullPage: true,
    });

    // The board sends a card dropped on 赢单 here with ?win=1: the win form is brought up, ready to fill.
    await page.goto(`${dealUrl}?win=1`);
    const win = form(page, "赢单——创建合作协议");
    await expect(win.getByLabel("协议开始日期", { exact: true })).toBeFocused();
    await expect(win.getByLabel("合同金额（元，整个期限）", { exact: true })).toHaveValue("2400000");
    await expect(win.getByLabel("服务内容", { exact: true })).toHaveValue("液压阀、密封件");
    // A missing pricing policy is refused beside the field, with what was typed kept.
    await win.getByLabel("协议开始日期", { exact: true }).fill(isoDay(-330));
    await win.getByLabel("协议结束日期", { exact: true }).fill(isoDay(30));
    await win.getByLabel("合作方式", { exact: true }).selectOption({ label: "直供" });
    await win.getByRole("button", { name: "赢单并创建协议" }).click();
    await expect(win.getByRole("alert")).toContainText("部分字段需要修改");
    await expect(win.getByLabel("价格政策", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(win.getByLabel("协议结束日期", { exact: true })).toHaveValue(isoDay(30));
    await win.getByLabel("价格政策", { exact: true }).fill("年度框架价，季度调价");
    await win.getByLabel("以协议的年化金额作为客户的向我方采购额", { exact: true }).check();
    await win.getByRole("button", { name: "赢单并创建协议" }).click();
    const agreement = page.locator("#agreement");
    await expect(agreement).toContainText("赢单——合作协议");
    await expect(agreement).toContainText("年度框架价，季度调价");
    await expect(agreement).toContainText(/\d+ 天后到期——待续签/);
    await expect(page.locator("main header")).toContainText("赢单");
    await expect(page.locator("main header")).toContainText("成交客户");
    const history = page.getByRole("table", { name: "阶段记录" });
    await expect(history.locator("tbody tr")).toHaveCount(6);
    await expect(history.locator("tbody tr").first()).toContainText(/促成成交.*赢单/);
    await expect(history.locator("tbody tr").first()).toContainText(kam.name);
    await expect(page.locator("#activity")).toContainText(`开发项目“${title}”从关系建立推进到促成成交`);
    // How long the journey "new account → contacts → deal → won" is, as this test walks it.
    const counts = await interactionCounts(page);
    info.annotations.push({ type: "journey", description: JSON.stringify(counts) });
    console.log(`[journey ${info.project.name}] new account → won: ${JSON.stringify(counts)}`);
    // A budget, so the path does not quietly grow back (it took 37 clicks and 77 fields before).
    expect(counts.clicks).toBeLessThanOrEqual(30);
    expect(counts.fields).toBeLessThanOrEqual(35);
    await page.screenshot({
      path: `tests/e2e/screenshots/deal-page-won-${info.project.name}.png`,
      fullPage: true,
    });

    // The account is a customer (成交) and shows the deal and its agreement.
    await page.goto(accountUrl);
    await expect(page.locator("main header")).toContainText("成交客户");
    const deals = page.locator("#deals");
    await expect(deals.getByRole("table", { name: "客户的开发项目" })).toContainText(title);
    await expect(deals.getByRole("table", { name: "客户的开发项目" })).toContainText("赢单");
    await expect(deals.getByRole("table", { name: "客户的合作协议" })).toContainText("直供");
    await expect(page.locator("#activity")).toContainText("创建合作协议");
    await deals.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `tests/e2e/screenshots/deal-page-account-${info.project.name}.png` });

    // Due within the window: it is on the renewal list, and renewing it (续签) makes the next term.
    await page.goto("/agreements");
    const renewals = page.getByRole("list", { name: "60 天内到期待续签" });
    const item = renewals.locator(":scope > li").filter({ hasText: accountName });
    await expect(item).toContainText(/\d+ 天后到期/);
    await item.getByText(`续签与${accountName}的协议`).click();
    const renew = form(page, `续签与${accountName}的协议`);
    await expect(renew.getByLabel("协议开始日期", { exact: true })).toHaveValue(isoDay(31));
    await renew.getByRole("button", { name: "续签协议" }).click();
    // Renewed, it leaves the renewal list; both terms are in the list of all agreements.
    await expect(item).toHaveCount(0);
    const terms = page
      .getByRole("table", { name: "合作协议" })
      .locator("tbody tr")
      .filter({ hasText: accountName });
    await expect(terms).toHaveCount(2);
    await expect(terms.filter({ hasText: "已续签" })).toHaveCount(1);
    await expect(terms.filter({ hasText: "未开始" })).toContainText("续签");
    await page.screenshot({
      path: `tests/e2e/screenshots/deal-page-agreements-${info.project.name}.png`,
      fullPage: true,
    });
  });

  test("a stage move that loses a race says so, keeps what was typed and never moves further than meant", async ({
    page,
  }, info) => {
    test.setTimeout(150_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, kam);
    await createAccount(page, `${tag}阀门制造有限公司`);
    const dealUrl = await openDeal(page, `${tag} 阀门备件`, "80万");
    const target = form(page, "第 1 阶段工作");
    await target.getByRole("group", { name: "是否有成交机会？" }).getByLabel("有——继续开发").check();
    await target.getByRole("button", { name: "保存第 1 阶段" }).click();
    await expect(formAlert(page).filter({ hasText: "已保存“确定开发对象”的工作" })).toBeVisible();

    // A second tab on the same deal, then the first moves it on.
    const other = await page.context().newPage();
    await other.goto(dealUrl);
    await moveForward(page, "信息收集/提供样品");

    // The second still shows stage 1: its move is refused in words, with the note kept.
    const forward = form(other, "推进到“信息收集/提供样品”");
    await forward.getByLabel("备注", { exact: true }).fill("客户采购部已口头确认");
    await forward.getByRole("button", { name: "推进到信息收集/提供样品" }).click();
    await expect(forward.getByRole("alert")).toContainText("已被他人修改");
    await expect(forward.getByLabel("备注", { exact: true })).toHaveValue("客户采购部已口头确认");
    await other.screenshot({ path: `tests/e2e/screenshots/deal-page-race-${info.project.name}.png` });
    // A second click is refused again: the deal does not go on to stage 3.
    await forward.getByRole("button", { name: "推进到信息收集/提供样品" }).click();
    await expect(forward.getByRole("alert")).toContainText("已被他人修改");
    await other.reload();
    await expect(currentStep(other)).toContainText("信息收集/提供样品");
    await expect(other.getByRole("table", { name: "阶段记录" }).locator("tbody tr")).toHaveCount(2);
    await other.close();
  });

  test("a manager moves a deal past an unmet gate with a written reason", async ({ page }, info) => {
    test.setTimeout(120_000);
    const { manager } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, manager);
    await createAccount(page, `${tag}精密铸造有限公司`);
    await openDeal(page, `${tag} 铸件配套`, "80万");

    const forward = form(page, "推进到“信息收集/提供样品”");
    await expect(forward).toContainText("关口尚未满足。如需仍然推进，请填写越级审批理由。");
    await forward.getByRole("button", { name: "推进到信息收集/提供样品" }).click();
    const reasonField = forward.getByLabel("越级审批理由", { exact: true });
    await expect(reasonField).toHaveAttribute("aria-invalid", "true");
    await expect(forward).toContainText("越过未满足的关口，请填写越级审批理由。");
    await expect(forward).toContainText("机会判断为“有”");
    await reasonField.fill("总经理已确认合作意向，先行送样");
    await forward.getByRole("button", { name: "推进到信息收集/提供样品" }).click();
    await expect(currentStep(page)).toContainText("信息收集/提供样品");

    const last = page.getByRole("table", { name: "阶段记录" }).locator("tbody tr").first();
    await expect(last).toContainText(/确定开发对象.*信息收集\/提供样品/);
    await expect(last).toContainText("越级审批");
    await expect(last).toContainText("总经理已确认合作意向，先行送样");
    await expect(last).toContainText("机会判断为“有”");
    await expect(last).toContainText(manager.name);
    await expect(page.locator("#activity li").first()).toContainText("越过未满足的关口");

    // Back a stage, with the reason in the history.
    await page.getByText("退回到“确定开发对象”").click();
    const back = form(page, "退回到“确定开发对象”");
    await back.getByLabel("退回原因", { exact: true }).fill("决策人变更，需重新判断");
    await back.getByRole("button", { name: "退回到确定开发对象" }).click();
    await expect(currentStep(page)).toContainText("确定开发对象");
    await expect(page.getByRole("table", { name: "阶段记录" }).locator("tbody tr").first()).toContainText(
      "决策人变更，需重新判断",
    );

    // Lost, with a reason from the managed list: the deal is closed and says why.
    await page.getByText("标记为丢单", { exact: true }).first().click();
    const lost = form(page, "标记为丢单");
    await lost.getByRole("button", { name: "标记为丢单" }).click();
    await expect(lost.getByLabel("丢单原因", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await lost.getByLabel("丢单原因", { exact: true }).selectOption({ label: "价格没有竞争力" });
    await lost.getByLabel("经过说明", { exact: true }).fill("客户选择了报价更低的供应商");
    await lost.getByRole("button", { name: "标记为丢单" }).click();
    await expect(page.locator("main header")).toContainText("丢单");
    await expect(page.getByRole("heading", { name: /丢单$/ })).toBeVisible();
    await expect(page.locator("main")).toContainText("价格没有竞争力");
    await expect(page.locator("main")).toContainText("客户选择了报价更低的供应商");
    await expect(page.locator("#checklist")).toHaveCount(0);
  });

  test("the deal page in English, with errors beside the fields", async ({ page }, info) => {
    test.setTimeout(120_000);
    const { kamEn } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, kamEn);
    await createAccount(page, `${tag} Precision Tools Co.`, {
      form: "New account",
      name: "Company name",
      submit: "Create account",
    });
    await expect(page.locator("#deals")).toContainText("No development deals on this account yet.");
    const create = form(page, "Open a development deal");
    await create.getByLabel("Deal title", { exact: true }).fill(`${tag} tooling supply`);
    await create.getByRole("button", { name: "Open the deal" }).click();
    await expect(create.getByLabel("Expected annual value (yuan)", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(create.getByLabel("Deal title", { exact: true })).toHaveValue(`${tag} tooling supply`);
    await create.getByLabel("Expected annual value (yuan)", { exact: true }).fill("1,500,000");
    await create.getByRole("button", { name: "Open the deal" }).click();
    await expect(page).toHaveURL(/\/deals\/[^/?#]+$/);

    await expect(page.getByRole("navigation", { name: "Development stages" })).toContainText(
      "Determine the target",
    );
    await expect(page.locator("main header")).toContainText("¥1,500,000");
    await expect(page.locator("#checklist")).toContainText("Gate of “Determine the target”");
    await expect(page.locator("#checklist")).toContainText("The opportunity judgement is “yes”");
    await expect(form(page, "Move to “Information and samples”")).toContainText("The gate is not met");
    // Refused at the gate: the server names the unmet items by id, the page says them in English.
    const forward = form(page, "Move to “Information and samples”");
    await forward.getByRole("button", { name: "Move to Information and samples" }).click();
    await expect(forward).toContainText("Still missing:");
    await expect(forward.getByRole("listitem")).toHaveText(["The opportunity judgement is “yes”"]);
    const value = form(page, "Stage 3 work");
    await value.getByLabel("Likelihood of closing (%)", { exact: true }).fill("150");
    await value.getByRole("button", { name: "Save stage 3" }).click();
    await expect(value.getByRole("alert")).toContainText("Some fields need attention.");
    await expect(value.getByLabel("Likelihood of closing (%)", { exact: true })).toHaveValue("150");
    await expect(value.getByLabel("Likelihood of closing (%)", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    await expect(page.getByRole("table", { name: "Stage history" })).toContainText(
      "Opened in Determine the target",
    );
    await expect(page.locator("#activity")).toContainText("opened in Determine the target");
    await page.screenshot({
      path: `tests/e2e/screenshots/deal-page-en-${info.project.name}.png`,
      fullPage: true,
    });
  });

  test("an administrator sets the thresholds and manages the lost reasons", async ({ page }, info) => {
    const { admin } = usersFor(info);
    const code = `E2E_${uniqueTag(info)}`.replace(/[^A-Z0-9_]/g, "");
    await signInAs(page, admin);
    await page.goto("/admin/pipeline");
    const settings = form(page, "阈值");
    await expect(settings.getByLabel("决策者关系强度下限", { exact: true })).toHaveValue("4");
    // One project saves (the same values): the two projects run side by side on one database.
    if (info.project.name === "desktop") {
      await settings.getByRole("button", { name: "保存阈值" }).click();
      await expect(formAlert(page).filter({ hasText: "开发流程设置已保存" })).toBeVisible();
    }

    const create = form(page, "新建丢单原因");
    await create.getByLabel("名称（中文）", { exact: true }).fill(`测试原因${code}`);
    await create.getByLabel("名称（英文）", { exact: true }).fill(`Test reason ${code}`);
    await create.getByLabel("代码", { exact: true }).fill(code);
    await create.getByRole("button", { name: "添加原因" }).click();
    await expect(formAlert(page).filter({ hasText: `已添加测试原因${code}` })).toBeVisible();
    await page.getByText(`删除测试原因${code}`).click();
    await page.locator(`button[aria-label="删除测试原因${code}"]`).click();
    await expect(page.getByRole("button", { name: `恢复测试原因${code}` })).toBeVisible();
    await page.getByRole("button", { name: `恢复测试原因${code}` }).click();
    await expect(page.getByText(`编辑测试原因${code}`)).toBeVisible();
    await page.screenshot({
      path: `tests/e2e/screenshots/deal-page-admin-${info.project.name}.png`,
      fullPage: true,
    });
  });
});
