// The embedded default database: PostgreSQL compiled to WebAssembly (PGlite), served over the real
// Postgres wire protocol on 127.0.0.1 so the app, migrations and psql all use the same pg driver.
// One process owns a data folder at a time; a lock file refuses a second owner.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function takeLock(dataDir: string): () => void {
  const lock = path.join(dataDir, "keystone.lock");
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The embedded database in ${dataDir} is already in use by process ${pid}.`);
    }
  }
  fs.writeFileSync(lock, String(process.pid));
  return () => fs.rmSync(lock, { force: true });
}

/** Starts PGlite over `dataDir` (or in memory when dataDir is null) and serves it on a local port. */
export async function startEmbeddedDatabase(opts: {
  dataDir: string | null;
  port?: number;
}): Promise<EmbeddedDatabase> {
  let releaseLock = () => {};
  let pgDir: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    releaseLock = takeLock(opts.dataDir);
    pgDir = path.join(opts.dataDir, "pg");
  }
  const db = await PGlite.create(pgDir);
  const port = opts.port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
