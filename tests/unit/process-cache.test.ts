import { describe, expect, it, vi } from "vitest";
import { processCache } from "@/lib/data/process-cache";

function setup() {
  let clock = 0;
  let version = 0;
  const load = vi.fn(async () => ({ version: ++version }));
  const cache = processCache({ ttlMs: 1000, load, now: () => clock });
  return { cache, load, tick: (ms: number) => (clock += ms) };
}

describe("processCache", () => {
  it("loads once, serves from memory until it expires, then loads again", async () => {
    const { cache, load, tick } = setup();
    expect(await cache.get()).toEqual({ version: 1 });
    tick(999);
    expect(await cache.get()).toEqual({ version: 1 });
    tick(2);
    expect(await cache.get()).toEqual({ version: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares one load between concurrent first reads", async () => {
    const { cache, load } = setup();
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("reloads after clear() and when the value cannot answer", async () => {
    const { cache } = setup();
    await cache.get();
    cache.clear();
    expect(await cache.get()).toEqual({ version: 2 });
    expect(await cache.get((v) => v.version < 3)).toEqual({ version: 3 });
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const cache = processCache({
      ttlMs: 1000,
      load: async () => {
        if (fail) throw new Error("database away");
        return "ok";
      },
    });
    await expect(cache.get()).rejects.toThrow("database away");
    fail = false;
    expect(await cache.get()).toBe("ok");
  });
});
