// How a detected channel conflict finds the case it belongs to, and how cases are numbered. Shared
// by the sales-report import (which opens or joins cases) and the case workflow (which clears the
// key when a case is resolved, so the next detection opens a new case).

export type ConflictKindKey = "CROSS_TERRITORY" | "BELOW_FLOOR_PRICE" | "CUSTOMER_OVERLAP";

/**
 * The key an open case holds (ChannelConflict.openKey, unique): one open case per offending
 * distributor, kind and subject — the territory sold into (区域窜货), the product sold below its
 * floor (价格竞争) or the key account served (客户重叠).
 */
export function conflictOpenKey(kind: ConflictKindKey, distributorId: string, subjectId: string): string {
  return `${kind}:${distributorId}:${subjectId}`;
}

/** CC-<year>-<5-digit sequence>; `last` is the highest number of that year so far, if any. */
export function nextConflictNumber(year: number, last: string | null): string {
  const seq = last ? Number(last.slice(last.lastIndexOf("-") + 1)) + 1 : 1;
  return `CC-${year}-${String(seq).padStart(5, "0")}`;
}
