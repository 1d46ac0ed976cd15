// Region text in a distributor's sales report ("江苏省苏州市", "Suzhou", "320500") → the territory
// the sale was made in. Pure: the data layer hands the territory tree in.

export type RegionTerritory = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  parentId: string | null;
};

const REGION_SUFFIX = /(特别行政区|自治区|自治州|省|市|区|县|地区)$/;

/** "上海市", " Shanghai ", "ＳＨＡＮＧＨＡＩ" → comparable text. */
export function normaliseRegion(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s,，、·./-]+/g, "");
}

const stripSuffix = (n: string) => {
  const s = n.replace(REGION_SUFFIX, "");
  return s.length >= 2 ? s : n;
};

/**
 * A resolver for region text: exact code, name (with or without 省/市) or English name first; else
 * the territories whose name appears in the text ("江苏省苏州市工业园区" → 苏州市), the deepest one
 * when they lie on one branch; null when nothing or two unrelated territories match.
 */
export function regionResolver(territories: readonly RegionTerritory[]): (text: string) => string | null {
  const exact = new Map<string, string | null>();
  const put = (key: string, id: string) => {
    if (!key) return;
    const had = exact.get(key);
    exact.set(key, had === undefined || had === id ? id : null); // two territories, one name: ambiguous
  };
  const names: { key: string; id: string }[] = [];
  for (const t of territories) {
    put(t.code.toLowerCase(), t.id);
    const zh = normaliseRegion(t.name);
    const en = normaliseRegion(t.nameEn);
    put(zh, t.id);
    put(stripSuffix(zh), t.id);
    put(en, t.id);
    names.push({ key: stripSuffix(zh), id: t.id }, { key: en, id: t.id });
  }
  const parent = new Map(territories.map((t) => [t.id, t.parentId]));
  const isAncestor = (a: string, b: string) => {
    for (let p = parent.get(b) ?? null; p; p = parent.get(p) ?? null) if (p === a) return true;
    return false;
  };
  const cache = new Map<string, string | null>();
  return (text) => {
    const n = normaliseRegion(text);
    if (!n) return null;
    if (exact.has(n)) return exact.get(n)!;
    const hit = cache.get(n);
    if (hit !== undefined) return hit;
    let found = [...new Set(names.filter((c) => c.key.length >= 2 && n.includes(c.key)).map((c) => c.id))];
    found = found.filter((a) => !found.some((b) => b !== a && isAncestor(a, b)));
    const id = found.length === 1 ? found[0]! : null;
    if (cache.size < 10_000) cache.set(n, id);
    return id;
  };
}
