// The offline queue's storage: visit records saved while the network was down wait in the
// browser's IndexedDB (one object store keyed by the record's clientId) until they are sent. A
// tiny wrapper rather than a package: one store, four operations, nothing to add to the quick-log
// page's JavaScript budget.

/** A record waiting to be sent: the exact body the server will receive, and why it last failed. */
export type OutboxItem = {
  clientId: string;
  /** The JSON body for POST /api/visits/records (photos included as data: URLs). */
  body: Record<string, unknown>;
  accountName: string;
  savedAt: number;
  /** A refusal by the server (validation, not found): the item stays until the person removes it. */
  error?: string;
};

const DB_NAME = "keystone-visits";
const STORE = "outbox";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE))
        request.result.createObjectStore(STORE, { keyPath: "clientId" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Fired on window whenever the queue changes, so every list on the page re-reads it. */
export const OUTBOX_CHANGED = "keystone:outbox-changed";
const changed = () => window.dispatchEvent(new Event(OUTBOX_CHANGED));

export async function putOutbox(item: OutboxItem): Promise<void> {
  await run("readwrite", (s) => s.put(item));
  changed();
}

export async function listOutbox(): Promise<OutboxItem[]> {
  const items = await run("readonly", (s) => s.getAll() as IDBRequest<OutboxItem[]>);
  return items.sort((a, b) => a.savedAt - b.savedAt);
}

export async function deleteOutbox(clientId: string): Promise<void> {
  await run("readwrite", (s) => s.delete(clientId));
  changed();
}
