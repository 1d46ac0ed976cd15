import { describe, expect, it } from "vitest";
import { conflictOpenKey, nextConflictNumber } from "@/lib/domain/channel-conflict-keys";

describe("conflict case keys and numbers", () => {
  it("keys one open case per distributor, kind and subject", () => {
    expect(conflictOpenKey("CROSS_TERRITORY", "d1", "t1")).toBe("CROSS_TERRITORY:d1:t1");
    expect(conflictOpenKey("CROSS_TERRITORY", "d1", "t1")).not.toBe(
      conflictOpenKey("BELOW_FLOOR_PRICE", "d1", "t1"),
    );
  });
  it("numbers cases per year, continuing past 99,999", () => {
    expect(nextConflictNumber(2026, null)).toBe("CC-2026-00001");
    expect(nextConflictNumber(2026, "CC-2026-00041")).toBe("CC-2026-00042");
    expect(nextConflictNumber(2026, "CC-2026-99999")).toBe("CC-2026-100000");
  });
});
