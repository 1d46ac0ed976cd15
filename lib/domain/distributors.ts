// Distributor rules without I/O: the recruitment lifecycle (which stage moves are allowed), the
// exclusivity rule (一个独家区域只能有一个生效的独家经销商) and the channel layout's figures
// (distributors per territory, density, uncovered sales territories).
import { subtreeIds, type TerritoryLink } from "./territory-tree";

export const DISTRIBUTOR_STAGES = [
  "PROSPECT",
  "EVALUATION",
  "NEGOTIATION",
  "SIGNED",
  "SUSPENDED",
  "TERMINATED",
] as const;
export type DistributorStage = (typeof DISTRIBUTOR_STAGES)[number];

export const DISTRIBUTOR_KINDS = ["DIRECT", "AGENT", "DEALER"] as const;
export type DistributorKind = (typeof DISTRIBUTOR_KINDS)[number];
export const DISTRIBUTOR_MODELS = ["WHOLESALE", "TERMINAL"] as const;
export type DistributorModel = (typeof DISTRIBUTOR_MODELS)[number];
export const MEMO_TOPICS = ["GENERAL", "COMMITMENT", "FOCUS", "DIFFICULTY"] as const;
export type MemoTopic = (typeof MEMO_TOPICS)[number];

export const isDistributorStage = (v: unknown): v is DistributorStage =>
  typeof v === "string" && (DISTRIBUTOR_STAGES as readonly string[]).includes(v);

/** The recruitment stages, in order: a candidate moves one step either way between them. */
const RECRUITING: readonly DistributorStage[] = ["PROSPECT", "EVALUATION", "NEGOTIATION"];

export type StageMoveRefusal =
  | "same"
  /** Into SIGNED only by signing a channel agreement (渠道协议), never on the board. */
  | "signByAgreement"
  /** TERMINATED is final; only a manager reopens it. */
  | "terminatedFinal"
  | "notAllowed";

/**
 * Why moving a distributor from `from` to `to` is refused, or null when it is allowed.
 * - prospect ⇄ evaluation ⇄ negotiation, one step at a time; any of them → terminated (dropped);
 * - negotiation → signed and suspended → signed only by an agreement (`viaAgreement`);
 * - signed → suspended or terminated; suspended → terminated;
 * - terminated → prospect, evaluation or negotiation only for a manager (a fresh start), never
 *   straight back to signed without an agreement.
 */
export function stageMoveRefusal(
  from: DistributorStage,
  to: DistributorStage,
  opts: { manager: boolean; viaAgreement?: boolean },
): StageMoveRefusal | null {
  if (from === to) return "same";
  if (to === "SIGNED") {
    if (!opts.viaAgreement) return "signByAgreement";
    return from === "NEGOTIATION" || from === "SUSPENDED" || (from === "TERMINATED" && opts.manager)
      ? null
      : "notAllowed";
  }
  if (opts.viaAgreement) return "notAllowed";
  if (from === "TERMINATED") {
    if (!opts.manager) return "terminatedFinal";
    return RECRUITING.includes(to) ? null : "notAllowed";
  }
  if (to === "TERMINATED") return null;
  const a = RECRUITING.indexOf(from);
  const b = RECRUITING.indexOf(to);
  if (a >= 0 && b >= 0) return Math.abs(a - b) === 1 ? null : "notAllowed";
  if (from === "SIGNED" && to === "SUSPENDED") return null;
  return "notAllowed";
}

/** The stages `from` may move to on the board (for the "Move to…" menu's hints). */
export function boardTargets(from: DistributorStage, manager: boolean): DistributorStage[] {
  return DISTRIBUTOR_STAGES.filter((to) => stageMoveRefusal(from, to, { manager }) === null);
}

// ── Exclusivity ──────────────────────────────────────────────────────────────────────────────

export type CoverageClaim = {
  distributorId: string;
  territoryId: string;
  exclusive: boolean;
  active: boolean;
};

/**
 * The territories in which `mine` (a distributor's exclusive coverage, if it were active) would
 * clash with another active exclusive distributor. An exclusive territory holds only one active
 * exclusive distributor; non-exclusive distributors may share any territory.
 */
export function exclusivityClashes(
  distributorId: string,
  mine: readonly { territoryId: string; exclusive: boolean }[],
  others: readonly CoverageClaim[],
): string[] {
  const held = new Set(
    others
      .filter((o) => o.distributorId !== distributorId && o.exclusive && o.active)
      .map((o) => o.territoryId),
  );
  return [...new Set(mine.filter((m) => m.exclusive && held.has(m.territoryId)).map((m) => m.territoryId))];
}

// ── Channel layout (渠道布局) ─────────────────────────────────────────────────────────────────

export type DensityBand = "none" | "thin" | "balanced" | "dense";

/**
 * Channel density = active distributors covering a territory's subtree ÷ its sales (leaf)
 * territories. Below half a distributor per sales territory is thin; above one and a half, dense
 * (a risk of 区域窜货 and price competition between them).
 */
export function densityBand(density: number): DensityBand {
  if (density <= 0) return "none";
  if (density < 0.5) return "thin";
  if (density <= 1.5) return "balanced";
  return "dense";
}

export type LayoutTerritory = TerritoryLink & { name: string };
export type LayoutCoverage = {
  distributorId: string;
  territoryId: string;
  exclusive: boolean;
  active: boolean;
};

export type LayoutRow = {
  id: string;
  /** Distinct distributors covering this territory itself (any stage, live rows). */
  direct: number;
  /** Distinct active (signed) distributors covering this territory or any below it. */
  active: number;
  /** Sales territories (leaves) in the subtree: the territory itself when it has none below. */
  leaves: number;
  density: number;
  band: DensityBand;
  /** A sales territory with no active distributor on it or on a territory above it. */
  uncovered: boolean;
  /** An active exclusive distributor holds this territory. */
  exclusive: boolean;
};

/** The layout figures of every territory (same order as `territories`). */
export function channelLayout(
  territories: readonly LayoutTerritory[],
  coverage: readonly LayoutCoverage[],
): LayoutRow[] {
  const parent = new Map(territories.map((t) => [t.id, t.parentId]));
  const hasChild = new Set(territories.map((t) => t.parentId).filter((p): p is string => !!p));
  const byTerritory = new Map<string, LayoutCoverage[]>();
  for (const c of coverage) byTerritory.set(c.territoryId, [...(byTerritory.get(c.territoryId) ?? []), c]);
  const activeOn = (id: string) => (byTerritory.get(id) ?? []).filter((c) => c.active);

  /** Is a leaf covered by an active distributor on it or on any territory above it? */
  const coveredFromAbove = (id: string) => {
    const seen = new Set<string>();
    for (let at: string | null | undefined = id; at && !seen.has(at); at = parent.get(at)) {
      seen.add(at);
      if (activeOn(at).length) return true;
    }
    return false;
  };

  return territories.map((t) => {
    const subtree = subtreeIds(territories, t.id);
    const leaves = subtree.filter((id) => !hasChild.has(id)).length;
    const active = new Set(subtree.flatMap((id) => activeOn(id).map((c) => c.distributorId))).size;
    const density = leaves ? active / leaves : 0;
    const own = byTerritory.get(t.id) ?? [];
    return {
      id: t.id,
      direct: new Set(own.map((c) => c.distributorId)).size,
      active,
      leaves,
      density,
      band: densityBand(density),
      uncovered: !hasChild.has(t.id) && !coveredFromAbove(t.id),
      exclusive: own.some((c) => c.active && c.exclusive),
    };
  });
}
