import "server-only";

// Small, rarely edited data that hot paths read on every request (the territory tree, the pipeline
// settings) is kept in this process for a few seconds instead of asking the database each time.
// An edit made through this process clears it at once; other app processes (behind a load
// balancer) see the edit when their copy expires. Concurrent first reads share one load, and a
// failed load is not kept.

export type ProcessCache<T> = {
  /** The cached value, loaded if missing, expired, or `reloadIf` says it cannot answer. */
  get(reloadIf?: (value: T) => boolean): Promise<T>;
  /** Forget the value (after an edit commits). */
  clear(): void;
};

export function processCache<T>(options: {
  ttlMs: number;
  load: () => Promise<T>;
  now?: () => number;
}): ProcessCache<T> {
  const now = options.now ?? Date.now;
  let entry: { value: Promise<T>; loadedAt: number } | null = null;
  const load = () => {
    const value = options.load();
    const current = { value, loadedAt: now() };
    entry = current;
    value.catch(() => {
      if (entry === current) entry = null;
    });
    return value;
  };
  return {
    async get(reloadIf) {
      if (!entry || now() - entry.loadedAt > options.ttlMs) return load();
      const value = await entry.value;
      return reloadIf?.(value) ? load() : value;
    },
    clear() {
      entry = null;
    },
  };
}
