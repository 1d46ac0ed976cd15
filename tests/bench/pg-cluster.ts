// A private, throw-away PostgreSQL cluster for benchmarks that restart the database (bench:load
// --restart-db): the bench may only restart a server it created itself, never a shared one.
// Needs PostgreSQL's server binaries (initdb, pg_ctl): PG_BIN, else the newest
// /usr/lib/postgresql/<version>/bin, else the PATH. PostgreSQL refuses to run as root, so under
// root the cluster belongs to, and runs as, the `postgres` user.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../scripts/lib/embedded-db";

export type PrivateCluster = {
  /** A URL on the cluster's `postgres` database (throwawayDatabase makes its own beside it). */
  url: string;
  /** `pg_ctl restart -m fast`: every session is terminated (57P01), then the server starts again. */
  restart: () => Promise<{ ms: number }>;
  stop: () => Promise<void>;
};

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, "bin/initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(root, versions[0], "bin") : "";
}

export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = binDir();
  const tool = (name: string) => (bin ? path.join(bin, name) : name);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keystone-bench-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  // Asynchronous: the load keeps running (and is measured) while the server restarts.
  const run = async (name: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", tool(name), ...args]]
      : [tool(name), args];
    await promisify(execFile)(cmd, argv, { cwd: dir });
  };
  const data = path.join(dir, "data");
  const port = await freePort();
  const ctl = (action: string, extra: string[] = []) =>
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      ...extra,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`,
      action,
    ]);
  await run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  await ctl("start");
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      const t0 = performance.now();
      await ctl("restart", ["-m", "fast"]);
      return { ms: performance.now() - t0 };
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await ctl("stop", ["-m", "fast"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
