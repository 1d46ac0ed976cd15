// The complaint journey (投诉, 首问负责制): a rep records a complaint from a customer's call and
// hands it to a colleague (who reads English); the acknowledgement runs out and the SLA job
// escalates it to the team's manager, who finds it in the bell; the colleague acknowledges,
// investigates and resolves it in English; the rep — still its first-responsibility owner —
// confirms it and closes it, which is refused until a root cause and a corrective action are
// written. The breach is made by moving the acknowledgement due date into the past through the
// e2e database and running the job as the scheduler would (needs E2E_DATABASE_URL on PostgreSQL).
import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import pg from "pg";
import { formAlert, signInAs, usersFor } from "./support";

const url = process.env.E2E_DATABASE_URL;
test.skip(!url || !url.includes(":5432/"), "needs the e2e database on a real PostgreSQL server");

// 青岛海晟家电 (North China). The recorders are North reps, so the escalation lands with the North
// manager, whose bell no other journey counts; the handler is in East China (a hand-over across
// teams: the owner keeps the complaint).
const ACCOUNT = "acc_0041";
const RECORDER = {
  desktop: { email: "north.rep1@keystone.demo", name: "吴斌" },
  phone: { email: "north.rep3@keystone.demo", name: "冯涛" },
};

async function personPage(browser: Browser, info: TestInfo) {
  const use = info.project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    userAgent: use.userAgent,
    locale: use.locale,
    timezoneId: use.timezoneId,
  });
  return { context, page: await context.newPage() };
}

async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(1);
}

const shot = (page: Page, info: TestInfo, name: string) =>
  page.screenshot({
    path: `tests/e2e/screenshots/complaints-${name}-${info.project.name}.png`,
    fullPage: true,
  });

async function sql(text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Submits the step form named `name` on the complaint page. */
async function step(page: Page, name: RegExp, fields: Record<string, string> = {}) {
  const form = page.getByRole("form", { name });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name }).click();
}

test("a rep records a complaint, hands it over, the breach reaches the manager, it is resolved and closed", async ({
  page: rep,
  browser,
}, info) => {
  // Three people, two languages and the job in a child process: longer than one page's journey.
  test.setTimeout(180_000);
  const phone = info.project.name === "phone";
  const users = usersFor(info);
  const suffix = phone ? "_phone_" : "";
  const title = `E2E 投诉 ${info.project.name} ${Date.now().toString(36)}`;

  // 1. The rep records it on the account and hands it to 李娜 (East China) at once.
  const recorder = phone ? RECORDER.phone : RECORDER.desktop;
  await signInAs(rep, recorder);
  await rep.goto(`/complaints/new?accountId=${ACCOUNT}`);
  const form = rep.getByRole("form", { name: "登记投诉" });
  await form.getByLabel("严重程度").selectOption("HIGH");
  await form.getByLabel("摘要").fill(title);
  await form.getByLabel("客户原话").fill("这批货表面有明显划痕，我们产线已经停了半天。");
  await form.getByRole("checkbox").first().check();
  await form.getByLabel("立即转交（可选）").selectOption(`usr_east_kam2${suffix}`);
  await expectNoSidewaysScroll(rep);
  await form.getByRole("button", { name: "登记投诉" }).click();
  await expect(rep).toHaveURL(/\/complaints\/(?!new)[^/?]+$/);
  const complaintUrl = new URL(rep.url()).pathname;
  const id = complaintUrl.split("/").pop()!;
  await expect(rep.getByTestId("complaint-owner")).toHaveText(recorder.name);
  await expect(rep.getByTestId("complaint-handler")).toHaveText(/李娜/);
  const rows = (await sql(`SELECT number FROM "Complaint" WHERE id = $1`, [id])) as { number: string }[];
  const number = rows[0]!.number;
  expect(number).toMatch(/^TS-\d{4}-\d{5}$/);
  await shot(rep, info, "recorded");

  // 2. The acknowledgement runs out; the SLA job escalates it to the owner's manager (赵志强).
  await sql(`UPDATE "Complaint" SET "ackDueAt" = now() - interval '5 minutes' WHERE id = $1`, [id]);
  execFileSync(
    "npx",
    ["--no-install", "tsx", "--conditions=react-server", "tests/e2e/complaints-sla-job.ts"],
    {
      env: { ...process.env, DATABASE_URL: url! },
      stdio: "pipe",
    },
  );
  const { context: mc, page: manager } = await personPage(browser, info);
  await signInAs(manager, { email: "north.manager@keystone.demo" });
  await manager.goto("/notifications");
  const escalated = manager.getByRole("link", { name: new RegExp(`投诉 ${number} 已升级给您`) });
  await expect(escalated).toBeVisible();
  await escalated.click();
  await expect(manager.getByTestId("complaint-timeline")).toContainText("确认超时，已升级至");
  await expect(manager.getByTestId("sla-ack")).toContainText("超时");
  await expectNoSidewaysScroll(manager);
  await shot(manager, info, "escalated");
  await mc.close();

  // 3. 李娜 (English) finds it in her bell and works it.
  const { context: hc, page: handler } = await personPage(browser, info);
  await signInAs(handler, users.kamEn);
  await handler.goto("/notifications");
  await handler.getByRole("link", { name: new RegExp(`handed complaint ${number} to you`) }).click();
  await step(handler, /^Acknowledge$/);
  await expect(handler.getByRole("form", { name: /^Start investigating$/ })).toBeVisible();
  await step(handler, /^Start investigating$/);
  await step(handler, /^Mark resolved$/, { Resolution: "Replaced the batch and paid the freight." });
  await expect(handler.getByText("Resolved", { exact: true }).first()).toBeVisible();
  await shot(handler, info, "resolved-en");
  await hc.close();

  // 4. The rep, still the first-responsibility owner after the hand-over, confirms and closes it.
  await rep.goto(complaintUrl);
  await step(rep, /^客户确认$/);
  await step(rep, /^关闭$/);
  await expect(formAlert(rep).first()).toContainText(/部分字段需要修改|changed|修改/);
  await step(rep, /^关闭$/, { 原因分析: "包装箱缓冲不足", 纠正预防措施: "改用加厚泡棉并抽检" });
  await expect(rep.getByTestId("complaint-root-cause")).toHaveText("包装箱缓冲不足");
  await expect(rep.getByText("已关闭").first()).toBeVisible();
  const timeline = rep.getByTestId("complaint-timeline");
  await expect(timeline.locator('[data-kind="escalate"]')).toHaveCount(1);
  // The survey goes out through the surveys slice: its stub sends none (0 events); once it lands,
  // closing records exactly one "survey" event — the merger tightens this to toHaveCount(1).
  expect(await timeline.locator('[data-kind="survey"]').count()).toBeLessThanOrEqual(1);
  await expectNoSidewaysScroll(rep);
  await shot(rep, info, "closed");
});
