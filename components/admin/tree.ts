/** A node and everything under it in a tree (none of these may become its parent). */
export function selfAndDescendants(
  rootId: string,
  nodes: readonly { id: string; parentId: string | null }[],
): Set<string> {
  const out = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of nodes) {
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}
