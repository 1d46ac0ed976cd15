// Keystone's HTTP server: Next.js behind a thin Node http server.
// - It says who the client is. Next.js itself keeps any X-Forwarded-For a client sends, so the app
//   could not tell a forged address from a real one (the sign-in throttle and the audit trail depend
//   on it). Here the socket's peer is known: forwarding headers are believed only from
//   TRUSTED_PROXIES (see lib/http/client-address.ts), and the resolved address reaches the app in
//   one header of our own.
// - It uses every core: rendering, not the database, bounds how many pages one process serves, so
//   WEB_CONCURRENCY worker processes (default: one per core) share the port. The app is stateless
//   (sessions are cookies naming a database row), so any worker may answer any request. The
//   embedded database serves a single session, so `npm start` runs one worker with it.
// Run as `node --import tsx scripts/server.ts [--dev]` (scripts/lib/run.ts spawnServer does).
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { attributeHeaders, parseTrustedProxies } from "@/lib/http/client-address";
import { readServerEnv, type ServerEnv } from "@/lib/env";

async function serve(env: ServerEnv, dev: boolean) {
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  const port = env.PORT ?? 3000;
  const app = next({ dev, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgrade = app.getUpgradeHandler();
  const server = http.createServer((req, res) => {
    attributeHeaders(req.headers, req.socket.remoteAddress, trusted);
    void handle(req, res);
  });
  // Development only: hot reloading talks over a websocket.
  server.on("upgrade", (req, socket, head) => {
    attributeHeaders(req.headers, req.socket.remoteAddress, trusted);
    void upgrade(req, socket, head);
  });
  server.listen(port, () => {
    if (cluster.isPrimary)
      console.log(`[keystone] listening on http://localhost:${port}${dev ? " (development)" : ""}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // In-flight requests get a few seconds to finish.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Starts the workers, replaces one that dies, and stops them all on SIGTERM / SIGINT. */
function supervise(workers: number, port: number) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === workers)
      console.log(`[keystone] listening on http://localhost:${port} (${workers} worker processes)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`[keystone] worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

function main() {
  const env = readServerEnv();
  const dev = process.argv.includes("--dev");
  const workers = dev ? 1 : (env.WEB_CONCURRENCY ?? availableParallelism());
  if (cluster.isPrimary && workers > 1) supervise(workers, env.PORT ?? 3000);
  else
    serve(env, dev).catch((error) => {
      console.error("[keystone] the server could not start:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}

try {
  main();
} catch (error) {
  console.error("[keystone] the server could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
