import { getTranslations } from "next-intl/server";
import type { BuyingRole, Stance } from "@/lib/validation/contacts";
import { BUYING_ROLES, STANCES } from "@/lib/validation/contacts";
import { cn } from "@/components/ui/cn";
import { RoleChip, ROLE_STYLE, StanceMark, StrengthDots } from "./contact-style";
import styles from "./decision-map.module.css";

export type MapContact = {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  buyingRole: BuyingRole;
  stance: Stance;
  influence: number;
  relationshipStrength: number;
  reportsToId: string | null;
};

type Node = MapContact & { reports: Node[] };

/** Contacts as reporting trees: people whose manager is not (or no longer) a live contact are roots. */
export function reportingForest(contacts: MapContact[]): Node[] {
  const ids = new Set(contacts.map((c) => c.id));
  const byManager = new Map<string | null, MapContact[]>();
  for (const c of contacts) {
    const key = c.reportsToId && ids.has(c.reportsToId) && c.reportsToId !== c.id ? c.reportsToId : null;
    byManager.set(key, [...(byManager.get(key) ?? []), c]);
  }
  const order = (a: MapContact, b: MapContact) =>
    b.influence - a.influence || a.name.localeCompare(b.name, "zh-CN");
  const seen = new Set<string>();
  const build = (c: MapContact): Node => {
    seen.add(c.id);
    const reports = (byManager.get(c.id) ?? []).filter((r) => !seen.has(r.id)).sort(order);
    return { ...c, reports: reports.map(build) };
  };
  const roots = (byManager.get(null) ?? []).sort(order).map(build);
  // A loop (which the data layer refuses) would leave people unreached: show them as roots.
  for (const c of contacts) if (!seen.has(c.id)) roots.push(build(c));
  return roots;
}

/**
 * The decision-maker map (决策链): who reports to whom, each person's buying role, stance,
 * influence and how strong our relationship is. Plain HTML and CSS, readable on a 375 px phone.
 */
export async function DecisionMap({ contacts, linkPrefix }: { contacts: MapContact[]; linkPrefix?: string }) {
  const [t, ta] = await Promise.all([getTranslations("accountPage.map"), getTranslations("account")]);
  const forest = reportingForest(contacts);

  const card = (c: Node) => (
    <div
      className={cn(
        "w-full rounded-md border border-l-4 border-slate-200 bg-white p-2.5 text-left shadow-sm md:w-48",
        ROLE_STYLE[c.buyingRole].edge,
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="min-w-0 font-semibold text-slate-900">
          {linkPrefix ? (
            <a href={`${linkPrefix}${c.id}`} className="underline-offset-2 hover:underline">
              {c.name}
            </a>
          ) : (
            c.name
          )}
        </p>
        <RoleChip role={c.buyingRole} label={ta(`buyingRoles.${c.buyingRole}`)} />
      </div>
      {c.title || c.department ? (
        <p className="mt-0.5 truncate text-xs text-slate-600">
          {[c.title, c.department].filter(Boolean).join(" · ")}
        </p>
      ) : null}
      <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1">
        <StanceMark stance={c.stance} label={ta(`stances.${c.stance}`)} />
        <StrengthDots
          value={c.relationshipStrength}
          label={t("strengthAlt", { value: c.relationshipStrength })}
        />
        <span className="text-xs text-slate-700">{t("influenceShort", { value: c.influence })}</span>
      </div>
    </div>
  );

  const branch = (nodes: Node[]) => (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          {card(n)}
          {n.reports.length ? branch(n.reports) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <div className="space-y-4">
      {forest.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <div className="relative overflow-x-auto pb-2">
          <ul className={styles.tree} aria-label={t("treeLabel")}>
            {forest.map((n) => (
              <li key={n.id}>
                {card(n)}
                {n.reports.length ? branch(n.reports) : null}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="rounded-md bg-slate-50 p-3 text-xs text-slate-700">
        <h3 className="mb-2 font-semibold text-slate-900">{t("legend")}</h3>
        <dl className="grid gap-2 sm:grid-cols-3">
          <div>
            <dt className="mb-1 font-medium">{t("legendRoles")}</dt>
            <dd className="flex flex-wrap gap-1">
              {BUYING_ROLES.map((r) => (
                <RoleChip key={r} role={r} label={ta(`buyingRoles.${r}`)} />
              ))}
            </dd>
          </div>
          <div>
            <dt className="mb-1 font-medium">{t("legendStances")}</dt>
            <dd className="flex flex-wrap gap-3">
              {STANCES.map((s) => (
                <StanceMark key={s} stance={s} label={ta(`stances.${s}`)} />
              ))}
            </dd>
          </div>
          <div>
            <dt className="mb-1 font-medium">{t("legendStrength")}</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <StrengthDots value={1} label={t("strengthAlt", { value: 1 })} />
              <span>{t("weak")}</span>
              <StrengthDots value={5} label={t("strengthAlt", { value: 5 })} />
              <span>{t("strong")}</span>
            </dd>
            <dd className="mt-1">{t("legendInfluence")}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
