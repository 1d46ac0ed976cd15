// A fresh, migrated database for one test run: on the PostgreSQL server named by TEST_DATABASE_URL
// (a new database, dropped afterwards), or else an in-memory embedded PGlite server.
import pg from "pg";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";

export type TestDatabase = { url: string; kind: "postgres" | "embedded"; drop: () => Promise<void> };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests create and drop databases: refuse anything but a local server unless explicitly allowed. */
function assertLocal(url: URL) {
  if (!LOCAL_HOSTS.has(url.hostname) && process.env.KEYSTONE_ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to run tests against the non-local database host ${url.hostname}.`);
  }
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    await migrateDeploy(embedded.url, { quiet: true });
    return { url: embedded.url, kind: "embedded", drop: embedded.stop };
  }
  const admin = new URL(serverUrl);
  assertLocal(admin);
  const name = `keystone_${label}_${Date.now().toString(36)}_${process.pid}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString(), { quiet: true });
  return {
    url: url.toString(),
    kind: "postgres",
    drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
