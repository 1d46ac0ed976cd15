// Keystone's HTTP server: Next.js behind a thin Node http server whose one job is to say who the
// client is. Next.js itself keeps any X-Forwarded-For a client sends, so the app could not tell a
// forged address from a real one (the sign-in throttle and the audit trail depend on it). Here the
// socket's peer is known: forwarding headers are believed only from TRUSTED_PROXIES (see
// lib/http/client-address.ts), and the resolved address reaches the app in one header of our own.
// Run as `node --import tsx scripts/server.ts [--dev]` (scripts/lib/run.ts spawnServer does).
import http from "node:http";
import next from "next";
import { attributeHeaders, parseTrustedProxies } from "@/lib/http/client-address";
import { readServerEnv } from "@/lib/env";

async function main() {
  const env = readServerEnv();
  const dev = process.argv.includes("--dev");
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

main().catch((error) => {
  console.error("[keystone] the server could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
