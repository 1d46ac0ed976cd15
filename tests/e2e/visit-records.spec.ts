// Visit records end to end (客户拜访记录): a rep logs a quick visit — on the phone project a 375 px
// screen, with the save button on the first screen and a check-in; logs one with the browser
// offline, sees it waiting to send, and after reconnecting exactly one record arrives; and their
// overdue list (该联系却没联系) shrinks after they log a visit to an overdue account.
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { VISIT_E2E } from "./visit-fixtures";
import { signInAs, uniqueTag, usersFor } from "./support";

/** The rep's id in the seed (the phone project signs in as the "phone." twin). */
const repId = (info: TestInfo) => (info.project.name === "phone" ? "usr_east_rep1_phone_" : "usr_east_rep1");

const quickLog = (page: Page) => page.getByRole("form", { name: "记录拜访", exact: true });

/** Opens the quick log from the home page's button and picks the rep's practice account. */
async function openQuickLog(page: Page, info: TestInfo) {
  await page.getByRole("link", { name: "记录拜访", exact: true }).first().click();
  await expect(page).toHaveURL(/\/visits\/new$/);
  const form = quickLog(page);
  await form.getByLabel("客户", { exact: true }).fill(VISIT_E2E.visitAccount);
  await form.getByRole("button", { name: `${VISIT_E2E.visitAccount} ${repId(info)}`, exact: true }).click();
  await expect(form.getByTestId("chosen-account")).toHaveText(`${VISIT_E2E.visitAccount} ${repId(info)}`);
  return form;
}

/** The rows of the person's visit list that carry `tag`. */
const listed = (page: Page, tag: string) =>
  page.getByTestId("visit-list").locator("li").filter({ hasText: tag });

test.describe("visit records", () => {
  test("a rep logs a quick visit, the save button on the first screen, with a check-in", async ({
    page,
    context,
  }, info) => {
    const { rep } = usersFor(info);
    const tag = uniqueTag(info);
    // 180 m north of the account's saved location (31.2304, 121.4737).
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ latitude: 31.232, longitude: 121.4737, accuracy: 20 });
    await signInAs(page, rep);
    const form = await openQuickLog(page, info);

    // The quick log's essentials fit the first screen: the save button is visible without scrolling.
    const save = form.getByRole("button", { name: "保存拜访" });
    const box = (await save.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(box.height).toBeGreaterThanOrEqual(44);

    await form.getByText("电话", { exact: true }).click();
    await form.getByLabel("主要洽谈内容").fill(`${tag} 客户确认下季度采购计划`);
    await form.getByLabel("下一步").fill("周五前发报价");
    // Check-in only on request: the location is asked for when the button is pressed.
    await form.getByText("更多信息：时间、地点、人员、照片、签到").click();
    await form.getByRole("button", { name: "在此签到" }).click();
    await expect(form.getByTestId("check-in-result")).toContainText(/距客户登记地址 1\d\d 米/);
    await save.click();

    await expect(page).toHaveURL(/\/visits\/[^/?]+\?saved=1$/);
    await expect(page.getByRole("status").filter({ hasText: "拜访已保存" })).toContainText("回访截止日期");
    await expect(page.getByTestId("check-in-flag")).toContainText(/签到位置距客户 1\d\d 米/);
    await page.goto("/visits");
    await expect(listed(page, tag)).toHaveCount(1);
    await expect(listed(page, tag)).toContainText("电话");
  });

  test("a visit logged offline waits to be sent and arrives exactly once after reconnecting", async ({
    page,
    context,
  }, info) => {
    const { rep } = usersFor(info);
    const tag = uniqueTag(info);
    await signInAs(page, rep);
    const form = await openQuickLog(page, info);

    await context.setOffline(true);
    await form.getByLabel("主要洽谈内容").fill(`${tag} 停车场里记录的拜访`);
    await form.getByLabel("下一步").fill("回公司后补充照片");
    await form.getByRole("button", { name: "保存拜访" }).click();
    await expect(form.getByRole("status")).toContainText("没有网络：拜访已保存在本机");
    const outbox = page.getByTestId("outbox");
    await expect(outbox).toContainText("等待发送（1）");
    await expect(outbox).toContainText(`${VISIT_E2E.visitAccount} ${repId(info)}`);

    // Back online: the page sends it by itself and the waiting list empties.
    await context.setOffline(false);
    await expect(outbox).toBeHidden();

    // A reload sends nothing twice (the queue is empty; a resend would be refused as a duplicate).
    await page.goto("/visits");
    await expect(listed(page, tag)).toHaveCount(1);
    await page.reload();
    await expect(listed(page, tag)).toHaveCount(1);
    await expect(page.getByTestId("outbox")).toHaveCount(0);
  });

  test("the rep's overdue list shrinks after logging a visit to an overdue account", async ({
    page,
  }, info) => {
    const { rep } = usersFor(info);
    await signInAs(page, rep);
    // The home page shows the overdue accounts and links to the whole list.
    await expect(page.getByTestId("home-overdue")).toContainText(VISIT_E2E.overduePrefix);
    await page.goto("/visits/overdue");
    const rows = page.getByTestId("overdue-list").locator("li");
    const before = await rows.count();
    const target = rows.filter({ hasText: VISIT_E2E.overduePrefix }).first();
    const name = (await target.getByRole("link").first().textContent())!.trim();
    await expect(target).toContainText("逾期 26 天");

    await target.getByRole("link", { name: "记录拜访" }).click();
    const form = quickLog(page);
    await expect(form.getByTestId("chosen-account")).toHaveText(name);
    await form.getByLabel("主要洽谈内容").fill(`${uniqueTag(info)} 逾期客户补充拜访`);
    await form.getByRole("button", { name: "保存拜访" }).click();
    await expect(page).toHaveURL(/\/visits\/[^/?]+\?saved=1$/);

    await page.goto("/visits/overdue");
    await expect(rows).toHaveCount(before - 1);
    await expect(page.getByTestId("overdue-list")).not.toContainText(name);
  });
});
