// The account page end to end: a key-account manager creates an account, assesses its value and
// sees the tier explained, qualifies it and moves it to 意向, and maps its decision makers; a bad
// credit code is refused in Chinese with the input kept; a similar name asks for confirmation.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { creditCodeCheckChar } from "@/lib/domain/credit-code";
import { formAlert, signInAs, usersFor, uniqueTag } from "./support";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid unified social credit code (Suzhou, enterprise) that no other test or run uses. */
function uniqueCreditCode(info: TestInfo): string {
  let n = BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000));
  n = n * 4n + BigInt((info.project.name === "phone" ? 2 : 0) + (info.workerIndex % 2));
  let org = "";
  for (let i = 0; i < 9; i++) {
    org = ALPHABET[Number(n % 31n)]! + org;
    n /= 31n;
  }
  const first17 = `91320500${org}`;
  return first17 + creditCodeCheckChar(first17);
}

const form = (page: Page, name: string) => page.getByRole("form", { name, exact: true });

test.describe("account page", () => {
  test("a KAM creates an account, sees its value explained, qualifies it and maps its decision makers", async ({
    page,
  }, info) => {
    test.setTimeout(120_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    const name = `${tag}精密机械有限公司`;
    await signInAs(page, kam);

    // 1. Create the profile.
    await page.goto("/accounts/new");
    const create = form(page, "新建客户");
    await create.getByLabel("企业名称", { exact: true }).fill(name);
    await create.getByLabel("统一社会信用代码", { exact: true }).fill(uniqueCreditCode(info));
    await create.getByLabel("法人代表", { exact: true }).fill("周建国");
    await create.getByLabel("行业", { exact: true }).selectOption({ label: "装备制造" });
    await create.getByLabel("规模", { exact: true }).selectOption({ label: "大型" });
    await create.getByLabel("年营业收入（元）", { exact: true }).fill("12000万");
    await create.getByRole("button", { name: "创建客户" }).click();
    await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.locator("main header")).toContainText(/C\s*一般客户/);
    await expect(page.locator("main header")).toContainText("目标潜在客户");

    // 2. Value inputs → the tier and why.
    const value = form(page, "价值评估数据");
    await value.getByLabel("向我方采购额（元/年）", { exact: true }).fill("3000万");
    await value.getByLabel("品类采购总额（元/年）", { exact: true }).fill("120000000");
    await value.getByLabel("信用等级", { exact: true }).selectOption("AAA");
    await value.getByLabel("付款记录", { exact: true }).selectOption({ label: "一贯按时付款" });
    await value.getByLabel("预期增长（%/年）", { exact: true }).fill("25");
    await value.getByLabel("忠诚度", { exact: true }).selectOption("5");
    await value.getByLabel("行业影响力", { exact: true }).selectOption("5");
    await value.getByLabel("战略契合度", { exact: true }).selectOption("5");
    await value.getByLabel("标杆示范价值", { exact: true }).selectOption("4");
    await value.getByLabel("需求紧迫度", { exact: true }).selectOption("4");
    await value.getByLabel("我方从该客户获得的毛利（元/年）", { exact: true }).fill("500万");
    await value.getByLabel("我方服务该客户的成本（元/年）", { exact: true }).fill("100万");
    await value.getByRole("button", { name: "保存价值评估数据" }).click();
    await expect(formAlert(page).filter({ hasText: "价值评估数据已保存" })).toContainText("等级 A");
    const valueSection = page.locator("#value");
    await expect(valueSection.getByRole("heading", { name: "为什么该客户是 A · 战略客户？" })).toBeVisible();
    const explanation = valueSection.locator("ol").first();
    await expect(explanation.locator("li")).toHaveCount(10);
    await expect(explanation.locator("li").first()).toContainText("向我方采购额");
    await expect(explanation).not.toContainText("未评估");
    await expect(valueSection).toContainText("各项贡献之和 = 综合价值评分");
    await expect(valueSection).toContainText("正资产客户");
    await expect(page.locator("main header")).toContainText(/A\s*战略客户/);

    // 3. The four marks → 意向客户.
    const lifecycle = page.locator("#qualification");
    await expect(lifecycle).toContainText("尚未满足：有需求、买得起、意愿强、能拍板");
    const marks = form(page, "四大特征");
    for (const mark of ["有需求", "买得起", "意愿强", "能拍板"]) {
      await marks.getByRole("group", { name: mark }).getByLabel("是", { exact: true }).check();
    }
    await marks.getByLabel("“能拍板”的依据", { exact: true }).fill("已接触总经理，确认由其拍板");
    await marks.getByRole("button", { name: "保存资格判定" }).click();
    await expect(formAlert(page).filter({ hasText: "资格判定已保存" })).toBeVisible();
    await expect(lifecycle).toContainText("四大特征均为“是”");
    const move = form(page, "变更阶段");
    await move.getByLabel("转入", { exact: true }).selectOption({ label: "意向客户" });
    await move.getByLabel("原因", { exact: true }).fill("四项特征均已确认");
    await move.getByRole("button", { name: "变更阶段" }).click();
    await expect(page.locator("main header")).toContainText("意向客户");
    const history = lifecycle.getByRole("table", { name: "阶段变更记录" });
    await expect(history.locator("tbody tr").first()).toContainText("目标潜在客户");
    await expect(history.locator("tbody tr").first()).toContainText("意向客户");
    await expect(history.locator("tbody tr").first()).toContainText(kam.name);

    // 4. Two contacts: a decision maker and the inside coach who reports to them.
    const add = form(page, "添加联系人");
    await add.getByLabel("姓名", { exact: true }).fill("赵总");
    await add.getByLabel("职务", { exact: true }).fill("总经理");
    await add.getByLabel("决策角色", { exact: true }).selectOption({ label: "决策者" });
    await add.getByLabel("态度", { exact: true }).selectOption({ label: "支持" });
    await add.getByLabel("影响力", { exact: true }).selectOption("5");
    await add.getByRole("button", { name: "添加联系人" }).click();
    await expect(formAlert(page).filter({ hasText: "已添加 赵总" })).toBeVisible();

    await add.getByLabel("姓名", { exact: true }).fill("钱工");
    await add.getByLabel("职务", { exact: true }).fill("设备科长");
    await add.getByLabel("决策角色", { exact: true }).selectOption({ label: "内线" });
    await add.getByLabel("关系强度", { exact: true }).selectOption("4");
    await add.getByLabel("直接上级", { exact: true }).selectOption({ label: "赵总 · 总经理" });
    await add.getByLabel("公关策略", { exact: true }).fill("每月技术交流，争取其推荐");
    await add.getByRole("button", { name: "添加联系人" }).click();
    await expect(formAlert(page).filter({ hasText: "已添加 钱工" })).toBeVisible();
    await expect(page.locator("#contacts")).toContainText("联系人（2）");

    // 5. The decision-maker map: 钱工 hangs under 赵总, roles shown as text.
    const map = page.locator("#map").getByRole("list", { name: "汇报关系" });
    const boss = map.locator(":scope > li").filter({ hasText: "赵总" });
    await expect(boss).toHaveCount(1);
    await expect(boss.locator(":scope > div")).toContainText("决策者");
    const report = boss.locator(":scope > ul > li").filter({ hasText: "钱工" });
    await expect(report).toBeVisible();
    await expect(report).toContainText("内线");
    await expect(report.getByRole("img", { name: "关系强度 4 / 5" })).toBeVisible();

    // 6. The activity timeline tells the story, newest first.
    const activity = page.locator("#activity");
    await expect(activity.locator("li").first()).toContainText("添加联系人");
    await expect(activity).toContainText("变更客户阶段");
    await expect(activity).toContainText("修改价值评估数据");
    await expect(activity).toContainText("新建客户");
  });

  test("a bad credit code is refused in Chinese with the input kept; a similar name asks first", async ({
    page,
  }, info) => {
    test.setTimeout(90_000);
    const { kam } = usersFor(info);
    const tag = uniqueTag(info);
    const name = `${tag}新材料科技有限公司`;
    await signInAs(page, kam);
    await page.goto("/accounts/new");
    const create = form(page, "新建客户");
    const good = uniqueCreditCode(info);
    const last = good.at(-1)!;
    const bad = good.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(last) + 1) % 31];

    await create.getByLabel("企业名称", { exact: true }).fill(name);
    await create.getByLabel("法人代表", { exact: true }).fill("孙立");
    const code = create.getByLabel("统一社会信用代码", { exact: true });
    await code.fill(bad);
    // The live check (server-side, same rule as saving) answers as soon as 18 characters are in.
    await expect(create).toContainText("校验位不符，可能有字符输入错误。");
    await create.getByRole("button", { name: "创建客户" }).click();
    await expect(formAlert(page)).toContainText("部分字段需要修改");
    await expect(code).toHaveAttribute("aria-invalid", "true");
    await expect(create).toContainText("校验位不符，可能有字符输入错误。");
    await expect(create.getByLabel("企业名称", { exact: true })).toHaveValue(name);
    await expect(create.getByLabel("法人代表", { exact: true })).toHaveValue("孙立");
    await expect(code).toHaveValue(bad);

    await code.fill(good.toLowerCase());
    await expect(create).toContainText(`代码有效：${good}`);
    await create.getByRole("button", { name: "创建客户" }).click();
    await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
    const firstUrl = page.url();
    await expect(page.locator("main header")).toContainText(good);

    // The same credit code again: refused beside the field.
    await page.goto("/accounts/new");
    await create.getByLabel("企业名称", { exact: true }).fill(`另一家${uniqueTag(info)}有限公司`);
    await create.getByLabel("统一社会信用代码", { exact: true }).fill(good);
    await create.getByRole("button", { name: "创建客户" }).click();
    await expect(create).toContainText("该统一社会信用代码已登记");

    // A similar name: the existing account is offered first, then "not a duplicate" creates it.
    await page.goto("/accounts/new");
    await create.getByLabel("企业名称", { exact: true }).fill(name);
    await create.getByRole("button", { name: "创建客户" }).click();
    await expect(create.getByRole("heading", { name: "已存在名称相近的客户" })).toBeVisible();
    const link = create.getByRole("link", { name });
    await expect(link).toHaveAttribute("href", new URL(firstUrl).pathname);
    await expect(create.getByLabel("企业名称", { exact: true })).toHaveValue(name);
    await create.getByLabel("不是重复客户，仍然创建", { exact: true }).check();
    await create.getByRole("button", { name: "创建客户" }).click();
    await expect(page).toHaveURL(/\/accounts\/(?!new)[^/?#]+$/);
    expect(page.url()).not.toBe(firstUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });
});
