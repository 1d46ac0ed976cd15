import { expect, test } from "@playwright/test";
import pg from "pg";
import { signInAs, usersFor } from "./support";

// Takes the app's database away (as during a PostgreSQL restart) and back. Needs a real server
// whose database name we know; the test runner provides it as E2E_DATABASE_URL.
const url = process.env.E2E_DATABASE_URL;

test.skip(!url || !url.includes(":5432/"), "needs the e2e database on a real PostgreSQL server");

async function setConnections(allow: boolean) {
  const target = new URL(url!);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS ${allow}`);
    if (!allow) {
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
    }
  } finally {
    await admin.end();
  }
}

test("the app rides out a database outage: health says so, then everything works again", async ({
  page,
  request,
}, info) => {
  const USERS = usersFor(info);
  await signInAs(page, USERS.rep);
  await setConnections(false);
  try {
    const during = await request.get("/api/health");
    expect(during.status()).toBe(503);
    expect(await during.json()).toMatchObject({ status: "degraded", database: "unavailable" });
    // A page request fails with an error page rather than hanging; the process stays up.
    const page500 = await request.get("/", {
      headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ") },
    });
    expect(page500.status()).toBeGreaterThanOrEqual(500);
  } finally {
    await setConnections(true);
  }
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 15_000 }).toBe(200);
  await page.reload();
  await expect(page.locator("#greeting")).toContainText(USERS.rep.name);
});
