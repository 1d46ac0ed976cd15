import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { ROOT } from "./env";

/** Runs a command, inheriting stdio; resolves with its exit code. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrThrow(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  const code = await run(cmd, args, opts);
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${code}`);
}

export const npx = (args: string[], opts: SpawnOptions = {}) =>
  runOrThrow("npx", ["--no-install", ...args], opts);

/**
 * Node flags for the server: a larger young generation, because rendering a page allocates many
 * short-lived objects (the load bench's profile: garbage collection 10.5 % → 8.2 % of CPU).
 */
export const SERVER_NODE_ARGS = ["--max-semi-space-size=64"];

/**
 * Starts Keystone's HTTP server (scripts/server.ts: Next.js behind the client-address check) as a
 * direct child of this process (not through npx/npm exec, which does not pass SIGTERM on), so
 * stopping the launcher stops the server. `env.PORT` is the port.
 */
export function spawnServer(options: { dev?: boolean } = {}, opts: SpawnOptions = {}) {
  const args = [
    ...SERVER_NODE_ARGS,
    "--import",
    "tsx",
    path.join(ROOT, "scripts", "server.ts"),
    ...(options.dev ? ["--dev"] : []),
  ];
  return spawn(process.execPath, args, { stdio: "inherit", cwd: ROOT, ...opts });
}
