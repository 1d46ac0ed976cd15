// Sending visit records: straight from the quick log, and from the offline queue when the network
// returns. Every body carries the record's clientId, so a send repeated after a lost answer (or by
// two tabs at once) still makes one record on the server.
import { deleteOutbox, listOutbox, putOutbox, type OutboxItem } from "./outbox-store";

export type SendResult =
  | { kind: "sent"; id: string }
  /** The network or server was unreachable: keep the record and try again later. */
  | { kind: "offline" }
  /** The server refused it (validation, scope): trying again will not help. */
  | { kind: "refused"; message: string; fieldErrors?: Record<string, string[]> };

export async function sendRecord(body: Record<string, unknown>): Promise<SendResult> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return { kind: "offline" };
  let response: Response;
  try {
    response = await fetch("/api/visits/records", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { kind: "offline" };
  }
  const data = (await response.json().catch(() => null)) as {
    ok?: boolean;
    id?: string;
    message?: string;
    fieldErrors?: Record<string, string[]>;
  } | null;
  if (response.ok && data?.ok && data.id) return { kind: "sent", id: data.id };
  // Unreachable database, a gateway, a signed-out session: worth another try later.
  if (!data || response.status >= 500 || response.status === 401) return { kind: "offline" };
  return { kind: "refused", message: data.message ?? "", fieldErrors: data.fieldErrors };
}

let running: Promise<number> | null = null;

/**
 * Sends everything waiting, oldest first; stops at the first network failure. Returns how many were
 * sent. One run at a time per tab (and per browser where Web Locks exist).
 */
export function flushOutbox(): Promise<number> {
  running ??= (async () => {
    try {
      const work = () => sendAll();
      return typeof navigator !== "undefined" && navigator.locks
        ? await navigator.locks.request("keystone-visit-outbox", work)
        : await work();
    } finally {
      running = null;
    }
  })();
  return running;
}

async function sendAll(): Promise<number> {
  let sent = 0;
  for (const item of await listOutbox()) {
    if (item.error) continue;
    const result = await sendRecord(item.body);
    if (result.kind === "offline") break;
    if (result.kind === "sent") {
      await deleteOutbox(item.clientId);
      sent++;
    } else {
      await putOutbox({ ...item, error: result.message } satisfies OutboxItem);
    }
  }
  return sent;
}
