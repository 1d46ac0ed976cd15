import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { createDb } from "@/lib/db";
import { createPool } from "@/lib/db/adapter";

// What a PostgreSQL restart does to the app's pool, on a real server (PGlite cannot terminate its
// own sessions): the statement in flight loses its connection (57P01), then connections are
// refused for a moment. Reads are run again once; writes are not.
const onPostgres = inject("databaseKind") === "postgres";

describe.runIf(onPostgres)("the pool when PostgreSQL kills its connections", () => {
  const url = inject("databaseUrl");
  const admin = new pg.Client({ connectionString: url });
  const table = `retry_probe_${Date.now().toString(36)}`;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE TABLE "${table}" (n int NOT NULL)`);
  });
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS "${table}"`);
    await admin.end();
  });

  /** Terminates the backend running the statement tagged `tag` once it is under way. */
  async function killWhileRunning(tag: string): Promise<number> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%' || $1 || '%'`,
        [tag],
      );
      if (rows[0]) {
        await admin.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
        return rows[0].pid;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the statement ${tag} never started`);
  }

  it("runs a read again on a new connection when its connection is killed mid-query", async () => {
    const pool = createPool(url, { max: 1, onError: () => {} });
    try {
      const tag = `probe_read_${Date.now()}`;
      const read = pool.query(`SELECT pg_backend_pid() AS pid, pg_sleep(0.5), '${tag}' AS tag`);
      const killed = await killWhileRunning(tag);
      const result = (await read) as unknown as pg.QueryResult<{ pid: number }>;
      expect(result.rows[0]!.pid).not.toBe(killed);
    } finally {
      await pool.end();
    }
  });

  it("serves the app's reads (Prisma through the driver adapter) across a killed connection", async () => {
    const db = createDb(url, 1);
    try {
      await db.user.count(); // opens the one pooled connection
      const tag = `probe_prisma_${Date.now()}`;
      // Prisma's queries are lazy: then() sends it.
      const read = db
        .$queryRawUnsafe<{ users: bigint }[]>(
          `WITH pause AS (SELECT pg_sleep(0.5)) SELECT count(*) AS users, '${tag}' AS tag FROM "User", pause`,
        )
        .then((rows) => rows);
      await killWhileRunning(tag);
      const [row] = await read;
      expect(Number(row!.users)).toBeGreaterThan(0);
      expect(await db.user.count()).toBe(Number(row!.users));
    } finally {
      await db.$disconnect();
    }
  });

  it.each([
    [
      "INSERT",
      (tag: string) => `INSERT INTO "${table}" (n) SELECT 1 FROM pg_sleep(0.5) WHERE '${tag}' <> ''`,
    ],
    [
      "WITH … INSERT",
      (tag: string) =>
        `WITH pause AS (SELECT pg_sleep(0.5)) INSERT INTO "${table}" (n) SELECT 1 FROM pause WHERE '${tag}' <> ''`,
    ],
  ])("does not replay a write (%s) whose connection is killed", async (_kind, sql) => {
    const pool = createPool(url, { max: 1, onError: () => {} });
    try {
      const tag = `probe_write_${Date.now()}`;
      const write = pool.query(sql(tag));
      const failed = expect(write).rejects.toThrow(/terminating connection|Connection terminated/);
      await killWhileRunning(tag);
      await failed;
      // Not run a second time behind the caller's back: the killed statement left nothing.
      await new Promise((r) => setTimeout(r, 700));
      const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it("does not move a transaction's statement to another connection, and frees its connection", async () => {
    const db = createDb(url, 1);
    try {
      const tag = `probe_tx_${Date.now()}`;
      const tx = db.$transaction(async (t) => {
        await t.$executeRawUnsafe(`INSERT INTO "${table}" (n) VALUES (2)`);
        await t.$queryRawUnsafe(`SELECT pg_sleep(0.5), '${tag}' AS tag`);
      });
      const failed = expect(tx).rejects.toThrow();
      await killWhileRunning(tag);
      await failed;
      const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE n = 2`);
      expect(Number(rows[0]!.n)).toBe(0);
      // The pool's only connection went with the transaction: the next query must not wait for it.
      const started = performance.now();
      expect(await db.user.count()).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await db.$disconnect();
    }
  });

  it("waits for a server that refuses connections for a moment (as while it restarts)", async () => {
    // A port nobody listens on yet; after 400 ms a relay to the real server opens on it.
    const target = new URL(url);
    const relay = net.createServer((socket) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const viaRelay = new URL(url);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(port);
    const pool = createPool(viaRelay.toString(), { max: 1, onError: () => {} });
    try {
      const opening = new Promise<void>((resolve) =>
        setTimeout(() => relay.listen(port, "127.0.0.1", () => resolve()), 400),
      );
      const started = performance.now();
      const result = (await pool.query("SELECT 1 AS one")) as unknown as pg.QueryResult<{ one: number }>;
      await opening;
      expect(result.rows[0]!.one).toBe(1);
      expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    } finally {
      await pool.end();
      await new Promise((r) => relay.close(() => r(undefined)));
    }
  });
});
