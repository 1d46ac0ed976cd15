import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { encodeLegacy } from "../support/legacy-encoding";
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

/** Chooses a file in the import's upload form and asks for the check. */
async function check(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: /^(Check the file|校验文件)$/ }).click();
}

async function downloadText(page: Page, link: ReturnType<Page["getByRole"]>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return (await readFile((await download.path())!)).toString("utf8");
}

test("files Keystone cannot read are refused with a clear message; GBK and Windows-1252 files say how they were read", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await signInAs(page, usersFor(info).kam);
  await page.goto("/accounts/import");
  await expect(page.getByRole("heading", { level: 1, name: "批量导入客户" })).toBeVisible();
  const refused = async (name: string, buffer: Buffer, message: string) => {
    await check(page, name, buffer);
    await expect(formAlert(page)).toHaveText(message);
  };
  await refused("empty.csv", Buffer.alloc(0), "该文件是空的。");
  await refused(
    "header.csv",
    Buffer.from("\uFEFF企业名称,地址\r\n", "utf8"),
    "该文件只有列名行，下面没有客户数据。",
  );
  await refused(
    "nul.csv",
    Buffer.from("企业名称,地址\r\n零字节\u0000公司,x\r\n", "utf8"),
    "这不是 CSV 文本文件：其中含有二进制数据（例如空字符）。请在 Excel 中选择“文件 → 另存为 → CSV UTF-8”，再上传该文件。",
  );
  await refused(
    "photo.csv",
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    "这不是 CSV 文本文件：其中含有二进制数据（例如空字符）。请在 Excel 中选择“文件 → 另存为 → CSV UTF-8”，再上传该文件。",
  );
  await refused(
    "big5.csv",
    Buffer.from(
      encodeLegacy("公司名稱,地址\r\n台灣積體電路製造股份有限公司,新竹科學園區力行六路8號", "big5"),
    ),
    "无法识别该文件的编码，直接读取会出现乱码。请在 Excel 中选择“文件 → 另存为 → CSV UTF-8”，再上传该文件。",
  );
  await refused(
    "wide.csv",
    Buffer.from(`企业名称${",x".repeat(300)}\r\n甲公司\r\n`, "utf8"),
    "第一行有 301 列，导入最多读取 200 列。请确认第一行是列名，或从模板开始。",
  );
  // Over 5 MB: the page says so before uploading, and the server says the same to a direct upload.
  const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41);
  await refused("big.csv", big, "该文件超过 5 MB。请拆分成较小的文件后依次导入。");
  const upload = (size: number) =>
    page.evaluate(async (size) => {
      const body = new FormData();
      body.set("file", new Blob([new Uint8Array(size).fill(0x41)]), "big.csv");
      const response = await fetch("/accounts/import/preview", { method: "POST", body });
      return { status: response.status, json: await response.json() };
    }, size);
  const tooLarge = { ok: false, message: "该文件超过 5 MB。请拆分成较小的文件后依次导入。" };
  // Just over: read and refused; far over: refused from its Content-Length, before reading it.
  expect(await upload(big.length)).toEqual({ status: 200, json: tooLarge });
  expect(await upload(6 * 1024 * 1024)).toEqual({ status: 413, json: { ...tooLarge, code: "TOO_LARGE" } });

  // One huge line: a row with a problem, not an error page.
  await check(page, "huge.csv", Buffer.from(`企业名称,行业\r\n${"甲".repeat(400_000)},装备制造\r\n`, "utf8"));
  await expect(page.getByTestId("total-error")).toHaveText("1", { timeout: 30_000 });

  // A GBK file from a Chinese Excel: read as GB18030, and the preview says so.
  const tag = `${runTag()}${projectTag(info.project.name)}`;
  await check(
    page,
    "gbk.csv",
    Buffer.from(
      encodeLegacy(`企业名称,地址\r\n编码测试${tag}（昆山）有限公司,昆山市玉山镇晨丰路188号\r\n`, "gbk"),
    ),
  );
  await expect(page.getByTestId("import-encoding")).toHaveText("文件编码：GB18030（中文版 Excel 默认编码）");
  await expect(page.getByRole("cell", { name: `编码测试${tag}（昆山）有限公司` })).toBeVisible();
});

test("a Windows-1252 file keeps its accents and the preview names the encoding, in English", async ({
  page,
}, info) => {
  await signInAs(page, usersFor(info).kamEn);
  await page.goto("/accounts/import");
  const tag = `${runTag()}${projectTag(info.project.name)}`;
  const text = `Company name,Address\r\nMüller GmbH ${tag},Königstraße 1\r\nSociété Générale ${tag},29 bd Haussmann\r\n`;
  await check(page, "western.csv", Buffer.from(encodeLegacy(text, "windows-1252")));
  await expect(page.getByTestId("import-encoding")).toHaveText(
    "Encoding: Windows-1252 (a Western European Excel's default)",
  );
  await expect(page.getByText("Accented letters were read as Western European text.")).toBeVisible();
  await expect(page.getByRole("cell", { name: `Müller GmbH ${tag}` })).toBeVisible();
  await expect(page.getByRole("cell", { name: `Société Générale ${tag}` })).toBeVisible();
  await expect(page.getByTestId("total-new")).toHaveText("2");
});

test("repeated names are reported per row, formula cells are guarded in every file, and a second confirm answers with the first result", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await signInAs(page, usersFor(info).kamEn);
  await page.goto("/accounts/import");
  const tag = `${runTag()}${projectTag(info.project.name)}`;
  const formula = `=HYPERLINK("http://evil.example/${tag}","Open ${tag}")`;
  const csv = [
    "Company name,Industry,Address",
    `Twin Trading ${tag},,`,
    `"Twin  Trading ${tag}",,`,
    `"${formula.replaceAll('"', '""')}",,`,
    `Bad Row ${tag},Shipbuilding,@SUM(1+1)`,
  ].join("\r\n");
  const previewed = page.waitForResponse((r) => r.url().endsWith("/accounts/import/preview"));
  await check(page, "formulas.csv", Buffer.from(csv, "utf8"));
  const preview = (await (await previewed).json()) as { digest: string; batch: string };
  const problems = page.getByTestId("import-problems").locator(":scope > li");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText("Row 2");
  await expect(problems.nth(0)).toContainText(
    "Company name: Row 3 has the same company name, and no credit code tells the rows apart.",
  );
  await expect(problems.nth(1)).toContainText("Row 3");
  await expect(problems.nth(1)).toContainText("Company name: Row 2 has the same company name");
  await expect(page.getByTestId("total-new")).toHaveText("1");

  // Two confirms of this check at once (two tabs, a double submit): one imports, the other is told.
  const answers = await page.evaluate(
    async ({ csv, preview }) => {
      const send = async () => {
        const body = new FormData();
        body.set("file", new Blob([csv], { type: "text/csv" }), "formulas.csv");
        body.set("digest", preview.digest);
        body.set("batch", preview.batch);
        const response = await fetch("/accounts/import/confirm", { method: "POST", body });
        return { status: response.status, json: await response.json() };
      };
      return Promise.all([send(), send()]);
    },
    { csv, preview },
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
  const first = answers.find((a) => !a.json.alreadyConfirmedAt)!.json;
  const second = answers.find((a) => a.json.alreadyConfirmedAt)!.json;
  expect(first).toMatchObject({ ok: true, created: 1, updated: 0, rejected: 3 });
  expect(second).toMatchObject({ ok: true, created: 1, updated: 0, rejected: 3, rejectedCsv: null });
  // The rejected rows' file guards the formula-like cell.
  expect(first.rejectedCsv).toContain(`Bad Row ${tag},Shipbuilding,'@SUM(1+1)`);

  // The page's own confirm is a third: it says the import was already confirmed, with its result.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-already-confirmed")).toContainText(
    "This import had already been confirmed at",
  );
  await expect(page.getByTestId("import-result")).toHaveText("1 created, 0 updated, 3 rejected");

  // The formula-named account was created once; the list's export guards it.
  await page.goto(`/accounts?q=${encodeURIComponent(tag)}`);
  const exported = await downloadText(page, page.getByRole("link", { name: "Export CSV" }));
  const lines = exported
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example\//);
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
