import { z } from "zod";
import { id, requiredText } from "./primitives";

/** The lists that can have saved views. */
export const SAVED_VIEW_SCOPES = ["accounts"] as const;
export type SavedViewScope = (typeof SAVED_VIEW_SCOPES)[number];

/** A person keeps at most this many views per list. */
export const MAX_SAVED_VIEWS = 50;

/** The account list's URL parameters a saved view keeps (never the page number). */
export const ACCOUNT_VIEW_KEYS = [
  "q",
  "tier",
  "lifecycle",
  "industry",
  "size",
  "territoryId",
  "ownerId",
  "scoreMin",
  "scoreMax",
  "sort",
  "dir",
  "pageSize",
  "cols",
] as const;

/**
 * A query string reduced to the keys a view keeps, empty values dropped, repeated keys joined with
 * commas, in a fixed order (so the same view always reads the same).
 */
export function normaliseViewQuery(query: string): string {
  const input = new URLSearchParams(query.replace(/^\?/, ""));
  const out = new URLSearchParams();
  for (const key of ACCOUNT_VIEW_KEYS) {
    const values = input
      .getAll(key)
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) out.set(key, values.join(","));
  }
  // Commas separate list values; keep them readable in the stored query (and its links).
  return out.toString().replaceAll("%2C", ",");
}

export const createSavedViewSchema = z.object({
  name: requiredText(60),
  query: z
    .string()
    .max(2000)
    .optional()
    .transform((v) => normaliseViewQuery(v ?? "")),
});

export const deleteSavedViewSchema = z.object({ id });
