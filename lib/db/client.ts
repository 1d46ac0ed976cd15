import { PrismaClient, Prisma } from "./generated/client";
import { createPgAdapter } from "./adapter";
import { cacheQueryPlans } from "./plan-cache";

cacheQueryPlans();

export type Db = PrismaClient;
/** The client inside an interactive transaction. Data functions that join a caller's transaction take this. */
export type Tx = Prisma.TransactionClient;

export function createDb(url: string, max = Number(process.env.DATABASE_POOL_MAX ?? 10)): PrismaClient {
  return new PrismaClient({ adapter: createPgAdapter(url, { max }) });
}

// One client per process. Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { keystoneDb?: PrismaClient };

function processDb(): PrismaClient {
  if (!globalForDb.keystoneDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
    globalForDb.keystoneDb = createDb(url);
  }
  return globalForDb.keystoneDb;
}

/** The process-wide client, created on first use so that importing this module never connects. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, prop) => {
    const client = processDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the process-wide client (scripts and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.keystoneDb?.$disconnect();
  globalForDb.keystoneDb = undefined;
}
