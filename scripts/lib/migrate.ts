import { spawn } from "node:child_process";

const DONE = /All migrations have been successfully applied|No pending migrations to apply/;

/**
 * Applies the committed migrations in prisma/migrations to the database at `url`.
 *
 * Prisma 6.19's WebAssembly schema engine leaves a 10-second timer running after `migrate deploy`
 * has finished, so the CLI idles for 10 s before exiting. The migrations are committed before the
 * CLI prints its final line, so once that line appears we end the process instead of waiting.
 */
export function migrateDeploy(url: string, opts: { quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["--no-install", "prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!done && DONE.test(output)) {
        done = true;
        child.kill("SIGTERM");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code) => {
      if (done || code === 0) {
        if (!opts.quiet) {
          console.log("[db] migrations up to date");
        }
        resolve();
      } else {
        reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
      }
    });
  });
}
