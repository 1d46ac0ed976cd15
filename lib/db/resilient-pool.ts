import pg from "pg";
import { isDatabaseUnavailable } from "../errors";

// A database restart or failover ends every connection: queries in flight fail with 57P01
// ("terminating connection due to administrator command") or "Connection terminated", and for a
// moment new connections are refused (ECONNREFUSED, 57P03 "starting up"). The pool below hides
// that from people reading pages, without ever risking a write twice:
//
// - getting a connection waits (up to RECONNECT_WINDOW_MS) while the server refuses: nothing has
//   been sent yet, so this is safe for every statement, reads, writes and transactions alike;
// - a statement sent outside a transaction whose connection dies is run again once on a new
//   connection, but only when it is a read (isIdempotentRead). A write may have committed before
//   the connection died, so it fails as before. Transactions (mutate(), Prisma's $transaction)
//   run on a client of their own, never through Pool.query, so they are never replayed here;
// - a client whose connection ends while checked out goes back to the pool (releasedWhenLost).

const RECONNECT_WINDOW_MS = 10_000;
/** Lets the pool hear of its other connections' deaths before the retry takes one of them. */
const RETRY_DELAY_MS = 25;

/**
 * Is this statement a plain read: SELECT, or WITH … SELECT with no data-modifying CTE, calling
 * nothing that changes state? Deliberately narrow: anything unsure counts as a write (not retried).
 */
export function isIdempotentRead(sql: string): boolean {
  const text = sql
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/--[^\n]*/g, " ")
    .trim();
  if (!/^(select|with)\b/i.test(text)) return false;
  // FOR UPDATE/SHARE locks, data-modifying CTEs, sequences, advisory locks, settings, notifications.
  return !/\b(insert|update|delete|merge|truncate|for\s+(no\s+key\s+)?(share|key\s+share)|nextval|setval|pg_advisory\w*|pg_try_advisory\w*|set_config|pg_notify|lo_\w+|pg_terminate_backend|pg_cancel_backend|into)\b/i.test(
    text,
  );
}

/** The server is not accepting connections (restarting, starting up, shutting down) — yet. */
export function isServerNotReady(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: string; message?: string };
  return (
    code === "ECONNREFUSED" ||
    code === "57P03" || // cannot_connect_now: the database system is starting up / shutting down
    code === "ECONNRESET" ||
    /Connection terminated unexpectedly|the database system is (starting up|shutting down)/i.test(
      message ?? "",
    )
  );
}

/** The statement's connection died under it (killed, reset, the server went away). */
function isConnectionLost(e: unknown): boolean {
  const { code, message } = (e ?? {}) as { code?: string; message?: string };
  return (
    isDatabaseUnavailable(e) ||
    code === "57P02" || // crash_shutdown
    code === "08006" || // connection_failure
    /is not queryable/.test(message ?? "") // a pooled client whose socket had already failed
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const statementText = (first: unknown) =>
  typeof first === "string" ? first : String((first as { text?: string } | null)?.text ?? "");

/**
 * Gives a checked-out client back to the pool (to be discarded) as soon as its connection ends.
 * Prisma's transaction manager releases a transaction's client only after ROLLBACK or COMMIT
 * succeeds, so a transaction whose connection was killed would otherwise hold its pool slot for
 * good (seen with Prisma 6.19: after DATABASE_POOL_MAX such transactions every query waits out the
 * connection timeout). Releasing twice is made harmless, since Prisma may still release it later.
 */
function releasedWhenLost(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  const onEnd = () => {
    if (released) return;
    released = true;
    release(new Error("connection ended while checked out"));
  };
  client.once("end", onEnd);
  client.release = (err?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("end", onEnd);
    release(err);
  };
  return client;
}

type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, release?: () => void) => void;

export class ResilientPool extends pg.Pool {
  /** Connection errors that outlasted the wait: the statement was never sent, so never retry it. */
  private readonly unreachable = new WeakSet<object>();

  // pg's connect and query have several overloads; Prisma's adapter uses the promise forms, and
  // pg's own Pool.query calls connect with a callback.
  override connect(...args: unknown[]): never {
    const connecting = this.connectPatiently();
    const callback = args[0] as ConnectCallback | undefined;
    if (typeof callback !== "function") return connecting as never;
    connecting.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error),
    );
    return undefined as never;
  }

  override query(...args: unknown[]): never {
    if (typeof args[args.length - 1] === "function") {
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    return this.queryWithRetry(args) as never;
  }

  private async connectPatiently(): Promise<pg.PoolClient> {
    const deadline = Date.now() + RECONNECT_WINDOW_MS;
    for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
      try {
        return releasedWhenLost(await super.connect());
      } catch (error) {
        if (!isServerNotReady(error) || Date.now() + wait > deadline) {
          if (error && typeof error === "object") this.unreachable.add(error);
          throw error;
        }
        await sleep(wait);
      }
    }
  }

  private async queryWithRetry(args: unknown[]): Promise<unknown> {
    const run = () => (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    try {
      return await run();
    } catch (error) {
      const retry =
        isConnectionLost(error) &&
        !(error && typeof error === "object" && this.unreachable.has(error)) &&
        isIdempotentRead(statementText(args[0]));
      if (!retry) throw error;
      await sleep(RETRY_DELAY_MS);
      return run();
    }
  }
}
