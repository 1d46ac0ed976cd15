// Territories form a tree (大区 → 省 → 市 → 区县); a filter on a territory covers everything below it.

export type TerritoryLink = { id: string; parentId: string | null };

/** The root and every territory below it, root first. Unknown roots give just the root itself. */
export function subtreeIds(links: readonly TerritoryLink[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const t of links) {
    if (!t.parentId) continue;
    const list = children.get(t.parentId);
    if (list) list.push(t.id);
    else children.set(t.parentId, [t.id]);
  }
  const out = [rootId];
  const seen = new Set(out);
  // Breadth-first; `seen` guards against a corrupt cycle looping forever.
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i]!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
    }
  }
  return out;
}
