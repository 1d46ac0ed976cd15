// URL state for lists: the state of a list (filters, sort, page, columns) lives in its address,
// so a list can be bookmarked, shared and saved as a view. Pure helpers, usable on both sides.

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's searchParams as URLSearchParams: only `keys` (in that order), empty values dropped and
 * repeated values joined with commas (`tier=A&tier=B` → `tier=A,B`).
 */
export function cleanSearchParams(raw: RawSearchParams, keys: readonly string[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of keys) {
    const value = raw[key];
    const values = (Array.isArray(value) ? value : value === undefined ? [] : [value])
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) out.set(key, values.join(","));
  }
  return out;
}

/** True when the raw params are not already in the clean form (empty or repeated values). */
export function needsCleaning(raw: RawSearchParams, keys: readonly string[]): boolean {
  return keys.some((key) => {
    const value = raw[key];
    return Array.isArray(value) || (value !== undefined && value.trim() === "");
  });
}

/** `path?…` from `params` with `patch` applied (null or undefined removes a key). */
export function hrefWith(
  path: string,
  params: URLSearchParams | string,
  patch: Record<string, string | number | null | undefined> = {},
): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const qs = queryString(next);
  return qs ? `${path}?${qs}` : path;
}

/** A query string with list separators left readable (`tier=A,B`, not `tier=A%2CB`). */
export function queryString(params: URLSearchParams): string {
  return params.toString().replaceAll("%2C", ",");
}

/** The URL value for a set of visible columns: null when it is the default set. */
export function columnsParam(
  choices: readonly { id: string }[],
  visible: ReadonlySet<string>,
  defaults: readonly string[],
): string | null {
  const ids = choices.map((c) => c.id).filter((id) => visible.has(id));
  const isDefault = ids.length === defaults.length && defaults.every((id) => visible.has(id));
  return isDefault ? null : ids.join(",");
}
