// 经销商: a channel manager creates a distributor, moves it across the recruitment board (drag on a
// desktop, "Move to…" on a phone, the keyboard on both), is refused moving it into 已签约 without an
// agreement, and opens the channel layout; then the same board and layout once in English.
import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { signInAs, switchLanguage, uniqueTag, usersFor } from "./support";

const isPhone = (info: TestInfo) => info.project.name === "phone";
const column = (page: Page, stage: string) => page.locator(`section[data-column="${stage}"]`);
const card = (page: Page, stage: string, name: string) =>
  column(page, stage).locator("li[data-distributor-id]").filter({ hasText: name });
const boardStatus = (page: Page) => page.getByRole("status", { name: /看板消息|Board messages/ });
const shot = (info: TestInfo, name: string) => `test-results/distributors-${info.project.name}-${name}.png`;

/** A mouse drag as a person makes it: press, a small move to start the drag, then on to the column. */
async function mouseDrag(page: Page, from: Locator, to: Locator) {
  await to.scrollIntoViewIfNeeded();
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 14);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 15 });
  await page.mouse.up();
}

/** "Move to…" on the card, an optional note, then the stage. */
async function moveTo(page: Page, from: Locator, stage: RegExp, note?: string) {
  await from.getByRole("button", { name: /移至其他阶段|to another stage/ }).click();
  const dialog = page.getByRole("dialog");
  if (note) await dialog.getByLabel(/阶段变更备注|Stage-change note/).fill(note);
  await dialog.getByRole("button", { name: stage }).click();
}

test.describe("distributors", () => {
  test("a channel manager creates a distributor, moves it on the board and opens the layout", async ({
    page,
  }, info) => {
    test.setTimeout(150_000);
    const { channel } = usersFor(info);
    const name = `宁波测试经销商${uniqueTag(info)}`;
    await signInAs(page, channel);
    await expect(page.getByTestId("home-distributors")).toBeVisible();

    // Create: a prospect in 宁波 (an uncovered city in the demo data).
    await page.goto("/distributors");
    await page.getByRole("link", { name: "新建经销商" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建经销商");
    await page.getByLabel("名称").fill(name);
    await page.getByLabel("注册资本").fill("500万");
    await page.getByLabel("员工人数").fill("35");
    const ningbo = await page
      .locator('select[name="territoryId"] option', { hasText: "宁波市" })
      .getAttribute("value");
    await page.getByLabel("所在区域").selectOption(ningbo!);
    await page.getByLabel("覆盖 宁波市").check();
    await page.getByRole("button", { name: "创建经销商" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.locator("main")).toContainText("潜在");
    const id = page.url().split("/").pop()!;

    // The board: prospect → evaluation by drag (desktop) or "Move to…" with a note (phone).
    await page.goto("/distributors/board");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("招募看板");
    await expect(card(page, "PROSPECT", name)).toBeVisible();
    if (isPhone(info)) await moveTo(page, card(page, "PROSPECT", name), /评估/, "资料已收齐");
    else await mouseDrag(page, card(page, "PROSPECT", name), column(page, "EVALUATION"));
    await expect(card(page, "EVALUATION", name)).toBeVisible();
    await expect(boardStatus(page)).toContainText(`${name} 已移至评估`);

    // The keyboard: pick up with Space, → to the next stage, Space to drop.
    const handle = card(page, "EVALUATION", name).getByRole("button", { name: `移动 ${name}` });
    await handle.focus();
    await page.keyboard.press("Space");
    await expect(handle).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await expect(card(page, "NEGOTIATION", name)).toBeVisible();
    await expect(boardStatus(page)).toContainText(`${name} 已移至洽谈`);
    await page.screenshot({ path: shot(info, "board"), fullPage: false });

    // Into 已签约 only by an agreement: refused with a link to a new one; the card stays.
    if (isPhone(info)) await moveTo(page, card(page, "NEGOTIATION", name), /已签约/);
    else await mouseDrag(page, card(page, "NEGOTIATION", name), column(page, "SIGNED"));
    const refusal = page.getByRole("alert").filter({ hasText: "须通过签订渠道协议签约" });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole("link", { name: "新建协议" })).toHaveAttribute(
      "href",
      `/channel-agreements/new?distributor=${id}`,
    );
    await expect(card(page, "NEGOTIATION", name)).toBeVisible();
    await page.screenshot({ path: shot(info, "refused"), fullPage: false });

    // The moves are kept, with the note, in the distributor's stage history.
    await page.reload();
    await expect(card(page, "NEGOTIATION", name)).toBeVisible();
    await page.goto(`/distributors/${id}`);
    await page.getByRole("heading", { name: "阶段记录" }).click();
    await expect(page.locator("#history")).toContainText("评估 → 洽谈");
    if (isPhone(info)) await expect(page.locator("#history")).toContainText("资料已收齐");

    // The channel layout: 宁波 has no signed distributor, so it is highlighted as uncovered.
    await page.goto("/distributors/layout");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("渠道布局");
    const ningboRow = page.locator('li[data-territory="330200"]');
    await expect(ningboRow).toHaveAttribute("data-uncovered", "true");
    await expect(ningboRow).toContainText(name);
    await expect(page.locator('li[data-territory="310000"]')).toContainText("独家");
    await page.screenshot({ path: shot(info, "layout"), fullPage: true });
  });

  test("the board and the layout in English", async ({ page }, info) => {
    test.setTimeout(90_000);
    const { channel } = usersFor(info, "i18n");
    await signInAs(page, channel);
    await switchLanguage(page, "en");
    try {
      await page.goto("/distributors/board");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recruitment board");
      const negotiating = column(page, "NEGOTIATION").locator("li[data-distributor-id]").first();
      await moveTo(page, negotiating, /Signed/);
      await expect(
        page.getByRole("alert").filter({ hasText: "is signed by signing a channel agreement" }),
      ).toBeVisible();
      await page.goto("/distributors/layout");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Channel layout");
      await expect(page.locator('li[data-territory="330200"]')).toContainText("Uncovered");
      await page.screenshot({ path: shot(info, "layout-en"), fullPage: false });
    } finally {
      await switchLanguage(page, "zh-CN");
    }
  });
});
