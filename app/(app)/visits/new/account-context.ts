import "server-only";
import { getVisitAccountContext } from "@/lib/data/visits/record-reads";
import { canDo, type Viewer } from "@/lib/domain/access";
import { tickableWork } from "@/lib/domain/visit-records";

export type VisitAccountContext = Awaited<ReturnType<typeof loadVisitAccountContext>>;

/** What the form shows once an account is chosen: contacts, open deals (with tickable work), location. */
export async function loadVisitAccountContext(viewer: Viewer, accountId: string) {
  const a = await getVisitAccountContext(viewer, accountId);
  return {
    id: a.id,
    name: a.name,
    location:
      a.latitude !== null && a.longitude !== null ? { latitude: a.latitude, longitude: a.longitude } : null,
    mayEdit: canDo(viewer, "edit", a),
    contacts: a.contacts,
    deals: a.deals.map((d) => ({
      id: d.id,
      title: d.title,
      stage: d.stage,
      // Ticking goes through the deal's own edit rights: offered only to those who may edit it.
      ticks: canDo(viewer, "edit", d)
        ? tickableWork(d).map((item) => ({ item, done: Boolean(d[item]) }))
        : [],
    })),
  };
}
