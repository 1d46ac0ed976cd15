import { expect, test, type Page } from "@playwright/test";
import { accountsCsv, projectTag, runTag } from "./fixtures/account-csv";
import { formAlert, signInAs, usersFor } from "./support";

test("a KAM imports 500 rows: exactly the 3 bad rows are reported by row number, the other 497 are created", async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  const tag = runTag() + projectTag(info.project.name);
  const prefix = `E2E Import ${info.project.name} ${tag}`;
  const { csv, badRows } = accountsCsv({
    count: 500,
    tag,
    namePrefix: prefix,
    bad: { badCreditCode: 41, missingName: 250, unknownIndustry: 487 },
  });
  // The English-speaking KAM, so the report reads in English.
  await signInAs(page, usersFor(info).kamEn);
  await page.goto("/accounts/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import accounts" })).toBeVisible();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();

  const problems = page.getByTestId("import-problems").locator(":scope > li");
  await expect(problems).toHaveCount(3, { timeout: 60_000 });
  await expect(page.getByTestId("total-new")).toHaveText("497");
  await expect(page.getByTestId("total-error")).toHaveText("3");
  await expect(problems.nth(0)).toContainText(`Row ${badRows.badCreditCode}`);
  await expect(problems.nth(0)).toContainText(
    "Unified social credit code: The check character does not match",
  );
  await expect(problems.nth(1)).toContainText(`Row ${badRows.missingName}`);
  await expect(problems.nth(1)).toContainText("Company name: This field is required.");
  await expect(problems.nth(2)).toContainText(`Row ${badRows.unknownIndustry}`);
  await expect(problems.nth(2)).toContainText("Industry: “Shipbuilding” is not an industry Keystone knows.");
  await expect(page.getByTestId("confirm-note")).toHaveText(
    "497 rows will be imported. 3 rows with problems will be skipped.",
  );

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toHaveText("497 created, 0 updated, 3 rejected", {
    timeout: 60_000,
  });
  // The rejected rows can be downloaded with their problems, to fix and import again.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download the rejected rows/ }).click();
  const file = await download;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const rejected = Buffer.concat(chunks).toString("utf8");
  expect(rejected.trim().split(/\r\n/)).toHaveLength(4); // header + 3 rows
  expect(rejected).toContain("Shipbuilding");
  expect(rejected).toContain("Problems");

  // Importing the same file again creates nothing new: the accounts are matched by credit code.
  await page.getByRole("button", { name: "Import another file" }).click();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByTestId("total-unchanged")).toHaveText("497", { timeout: 60_000 });
  await expect(page.getByTestId("total-new")).toHaveText("0");
});

test("the segmentation matrix links each cell to the filtered account list", async ({ page }, info) => {
  await signInAs(page, usersFor(info).manager);
  await page.goto("/accounts/segments");
  await expect(page.getByRole("heading", { level: 1, name: "客户细分" })).toBeVisible();
  const matrix = page.getByTestId("segment-matrix");
  // The import above (same project, earlier in this file) put machinery accounts in Suzhou, Jiangsu (江苏省).
  const cell = matrix.getByRole("link", { name: /^装备制造 · 江苏省：|^装备制造 · 江苏省:/ });
  await expect(cell).toBeVisible();
  const href = (await cell.getAttribute("href"))!;
  expect(href).toMatch(/^\/accounts\?industry=MACHINERY&territoryId=[^&]+$/);

  // A size filter re-renders the matrix for that size; its cells carry the size too.
  await page.getByRole("link", { name: /^大型/ }).click();
  await expect(page).toHaveURL(/\/accounts\/segments\?size=LARGE$/);
  const sized = matrix.getByRole("link").first();
  await expect(sized).toHaveAttribute("href", /^\/accounts\?.*size=LARGE/);

  await page.goto("/accounts/segments");
  await cell.click();
  await expect(page).toHaveURL(/\/accounts\?industry=MACHINERY&territoryId=/);
});

async function saveWeights(page: Page, weightCurrent: string): Promise<string> {
  // Desktop and phone administrators share the settings: on a clash, reload and try again.
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.goto("/admin/scoring");
    const form = page.getByRole("form", { name: "价值评分设置" });
    await form.locator('input[name="weightCurrent"]').fill(weightCurrent);
    await form.getByRole("button", { name: "保存并重新评分" }).click();
    const alert = formAlert(page);
    await expect(alert).toBeVisible({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? "";
    if (!text.includes("其他人")) return text;
  }
  throw new Error("the scoring settings kept changing under the test");
}

test("an administrator changes the weights and sees how many accounts were rescored", async ({
  page,
}, info) => {
  test.setTimeout(180_000);
  await signInAs(page, usersFor(info).admin);
  await page.goto("/admin/scoring");
  const original = await page.locator('input[name="weightCurrent"]').inputValue();
  const changed = original === "45" ? "44" : "45";
  expect(await saveWeights(page, changed)).toMatch(/已保存。已重新评分 [\d,]+ 个客户。/);
  await expect(page.locator('input[name="weightCurrent"]')).toHaveValue(changed);
  // Put the weights back for the other tests.
  expect(await saveWeights(page, original)).toMatch(/已重新评分 [\d,]+ 个客户/);
});
