// Satisfaction on the KPI dashboard (客户满意度、投诉处理): the few rules of its figures that are not
// plain counts. CSAT, NPS and the satisfaction index themselves live in ./satisfaction.

/** A complaint's SLA clocks as the dashboard reads them. */
export type ComplaintClocks = {
  acknowledgedAt: Date | null;
  ackDueAt: Date;
  resolvedAt: Date | null;
  resolveDueAt: Date;
};

/**
 * Did the complaint meet its SLA? Both clocks: acknowledged by its acknowledge-due time AND resolved
 * by its resolve-due time (at the instant counts as on time). Not acknowledged or not resolved → no.
 */
export function metSla(c: ComplaintClocks): boolean {
  return (
    c.acknowledgedAt !== null &&
    c.acknowledgedAt.getTime() <= c.ackDueAt.getTime() &&
    c.resolvedAt !== null &&
    c.resolvedAt.getTime() <= c.resolveDueAt.getTime()
  );
}

/**
 * The window whose complaints count for SLA attainment: those whose resolve-due time falls in the
 * period and has already passed (a complaint not yet due cannot have missed it). [from, until).
 */
export function slaWindow(from: Date, until: Date, now: Date): { from: Date; until: Date } | null {
  const end = until.getTime() < now.getTime() ? until : now;
  return end.getTime() > from.getTime() ? { from, until: end } : null;
}

/** SLA attainment (SLA 达成率) as a fraction 0…1; null when nothing fell due ("not measured"). */
export function slaAttainment(met: number, due: number): number | null {
  if (due <= 0) return null;
  return Math.min(Math.max(met, 0), due) / due;
}

/** The difference of two scores in points (NPS, CSAT %); null when either is not measured. */
export function pointsChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round((now - before) * 10) / 10;
}
