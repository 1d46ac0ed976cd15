// The account list's columns and URL keys (pure: shared by the page and the client table).
import type { SortState } from "@/components/data-table/data-table";

export const ACCOUNT_COLUMNS = [
  "name",
  "tier",
  "score",
  "health",
  "priority",
  "lifecycle",
  "industry",
  "region",
  "owner",
  "asset",
  "updatedAt",
] as const;

export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];

/** Shown unless the URL's `cols` says otherwise. */
export const DEFAULT_COLUMNS: readonly AccountColumn[] = ACCOUNT_COLUMNS;

/** Never hidden. */
export const LOCKED_COLUMNS: readonly AccountColumn[] = ["name"];

/** Columns the server can sort by, with the key accountListQuerySchema knows and the first direction. */
export const SORTABLE_COLUMNS: Partial<Record<AccountColumn, { key: string; first: SortState["dir"] }>> = {
  name: { key: "name", first: "asc" },
  tier: { key: "tier", first: "asc" },
  score: { key: "compositeScore", first: "desc" },
  health: { key: "healthScore", first: "asc" },
  priority: { key: "priorityScore", first: "desc" },
  lifecycle: { key: "lifecycle", first: "asc" },
  updatedAt: { key: "updatedAt", first: "desc" },
};

/** Every URL key the list reads (its state), in the order links write them. */
export const LIST_KEYS = [
  "q",
  "tier",
  "health",
  "lifecycle",
  "industry",
  "size",
  "territoryId",
  "ownerId",
  "scoreMin",
  "scoreMax",
  "deleted",
  "sort",
  "dir",
  "page",
  "pageSize",
  "cols",
] as const;

/** The keys that narrow the list (what "Clear filters" removes). */
export const FILTER_KEYS = [
  "q",
  "tier",
  "health",
  "lifecycle",
  "industry",
  "size",
  "territoryId",
  "ownerId",
  "scoreMin",
  "scoreMax",
] as const;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** The visible columns from `cols=a,b,c` (unknown ids ignored, locked ones always in). */
export function parseColumns(raw: string | null | undefined): AccountColumn[] {
  if (!raw) return [...DEFAULT_COLUMNS];
  const wanted = new Set(raw.split(",").map((s) => s.trim()));
  return ACCOUNT_COLUMNS.filter((c) => wanted.has(c) || LOCKED_COLUMNS.includes(c));
}

/** A row of the table, serialisable (no BigInt, no Date) and already labelled in the viewer's language. */
export type AccountListItem = {
  id: string;
  name: string;
  creditCode: string | null;
  tier: "A" | "B" | "C";
  tierLabel: string;
  tierOverridden: boolean;
  score: string;
  health: string;
  healthBand: "HEALTHY" | "WATCH" | "AT_RISK" | null;
  healthLabel: string;
  priority: string;
  lifecycle: string;
  industry: string | null;
  region: string | null;
  owner: string;
  negativeAsset: boolean;
  updatedAt: string;
  updatedLabel: string;
};
