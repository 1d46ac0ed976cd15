import { PrismaPg } from "@prisma/adapter-pg";
import { ResilientPool } from "./resilient-pool";

// Workaround for prisma/orm#27403: @prisma/adapter-pg 6.x cannot deserialize the catalog types
// `name` (oid 19) and `name[]` (oid 1003) that the schema engine reads during migrations.
// Reporting them as text / text[] is lossless for those columns. Only migrations need this, but
// it is harmless for app queries, so the app and the CLI share one pool class.
const NAME_OID = 19;
const NAME_ARRAY_OID = 1003;
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function rewriteNameTypes<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as QueryResultLike)?.fields ?? []) {
      if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
      else if (field.dataTypeID === NAME_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    }
  }
  return result;
}

export class NameSafePool extends ResilientPool {
  // pg's query has many overloads; the adapter only uses the promise form.
  override query(...args: unknown[]): never {
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(rewriteNameTypes) as never;
    }
    return out as never;
  }
}

export type PoolOptions = { max?: number; onError?: (err: Error) => void };

export function createPool(url: string, options: PoolOptions = {}): NameSafePool {
  const pool = new NameSafePool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Lets short-lived CLI processes (migrate, seed) exit instead of waiting out idle clients.
    allowExitOnIdle: true,
  });
  // Without an error listener an idle client's socket error (e.g. PostgreSQL restarting) would
  // crash the process. The pool discards the broken client and later requests reconnect.
  pool.on("error", options.onError ?? ((err) => console.error("[db] idle client error:", err.message)));
  return pool;
}

export function createPgAdapter(url: string, options: PoolOptions = {}): PrismaPg {
  return new PrismaPg(createPool(url, options), {
    // $disconnect() then closes the pool, so scripts do not leave idle connections behind.
    disposeExternalPool: true,
    onPoolError: options.onError,
    onConnectionError: options.onError,
  });
}
