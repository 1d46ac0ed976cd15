// Pure generators of the satisfaction bench data (no I/O): score distributions, the complaint's life
// (status reached, SLA clocks, breaches, escalation) and service items. Deterministic for a seed
// (lib/domain/random.ts); unit-tested in tests/unit/bench-satisfaction-data.test.ts.
import { isLowScore } from "@/lib/domain/satisfaction";
import { seededRandom } from "@/lib/domain/random";

type Random = ReturnType<typeof seededRandom>;

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A value from `weights` (index = value − offset), e.g. CSAT 1–5 with offset 1. */
export function weighted(random: Random, weights: readonly number[], offset = 0): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random.next() * total;
  for (const [i, w] of weights.entries()) {
    if (r < w) return i + offset;
    r -= w;
  }
  return weights.length - 1 + offset;
}

// Most customers are satisfied; an "unhappy" account (one in ten) leans to the low end, so the
// at-risk list and the low-score follow-ups have something to show.
const CSAT_HAPPY = [3, 5, 14, 42, 36];
const CSAT_UNHAPPY = [22, 30, 28, 15, 5];
const NPS_HAPPY = [1, 1, 1, 2, 2, 3, 6, 12, 22, 25, 25];
const NPS_UNHAPPY = [8, 8, 10, 12, 12, 12, 12, 10, 8, 5, 3];

export const LOW_SCORE = { lowCsatAtMost: 2, lowNpsAtMost: 6 };

export type BenchAnswer = {
  answers: Record<string, number | string>;
  csat: number | null;
  nps: number | null;
  verbatim: string | null;
  lowScore: boolean;
};

const VERBATIMS_LOW = [
  "交付延迟多次，影响我们的生产计划",
  "售后响应太慢",
  "价格调整没有提前沟通",
  "质量问题反复出现",
];
const VERBATIMS_HIGH = ["服务很专业，响应及时", "客户经理很用心", "交付准时，质量稳定", "技术支持到位"];

/** One answer to the bench's CSAT or NPS questionnaire (question keys as in BENCH_TEMPLATES). */
export function benchAnswer(random: Random, kind: "CSAT" | "NPS", unhappy: boolean): BenchAnswer {
  const withText = random.chance(0.3);
  if (kind === "CSAT") {
    const csat = weighted(random, unhappy ? CSAT_UNHAPPY : CSAT_HAPPY, 1);
    const low = isLowScore({ csat }, LOW_SCORE);
    const verbatim = withText ? random.pick(low ? VERBATIMS_LOW : VERBATIMS_HIGH) : null;
    return {
      answers: verbatim ? { csat, comment: verbatim } : { csat },
      csat,
      nps: null,
      verbatim,
      lowScore: low,
    };
  }
  const nps = weighted(random, unhappy ? NPS_UNHAPPY : NPS_HAPPY);
  const low = isLowScore({ nps }, LOW_SCORE);
  const verbatim = withText ? random.pick(low ? VERBATIMS_LOW : VERBATIMS_HIGH) : null;
  return {
    answers: verbatim ? { nps, reason: verbatim } : { nps },
    csat: null,
    nps,
    verbatim,
    lowScore: low,
  };
}

/** The two questionnaires the bench sends (the shapes of lib/domain/surveys.ts). */
export const BENCH_TEMPLATES = [
  {
    code: "csat",
    kind: "CSAT",
    name: "客户满意度调研",
    nameEn: "Customer satisfaction survey",
    titleZh: "客户满意度调研",
    titleEn: "Customer satisfaction survey",
    questions: [
      {
        key: "csat",
        type: "CSAT",
        required: true,
        labelZh: "您对我们的服务满意吗？",
        labelEn: "How satisfied are you with our service?",
      },
      { key: "comment", type: "TEXT", required: false, labelZh: "您的意见和建议", labelEn: "Your comments" },
    ],
  },
  {
    code: "nps",
    kind: "NPS",
    name: "净推荐值调研",
    nameEn: "Net promoter survey",
    titleZh: "净推荐值（NPS）调研",
    titleEn: "Net promoter score survey",
    questions: [
      {
        key: "nps",
        type: "NPS",
        required: true,
        labelZh: "您有多大可能向同行推荐我们？",
        labelEn: "How likely are you to recommend us to a peer?",
      },
      { key: "reason", type: "TEXT", required: false, labelZh: "请告诉我们原因", labelEn: "Tell us why" },
    ],
  },
] as const;

export const STATUSES = [
  "RECEIVED",
  "ACKNOWLEDGED",
  "INVESTIGATING",
  "RESOLVED",
  "CONFIRMED",
  "CLOSED",
] as const;
export type BenchStatus = (typeof STATUSES)[number];
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type BenchSeverity = (typeof SEVERITIES)[number];
export const CATEGORIES = ["QUALITY", "DELIVERY", "SERVICE", "PRICE", "BILLING", "OTHER"] as const;
export const CHANNELS = ["CALL", "VISIT", "EMAIL", "SURVEY", "WECHAT", "OTHER"] as const;

/** The migration's default SLA per severity, in minutes (ComplaintSla). */
export const DEFAULT_SLA: Record<BenchSeverity, { ack: number; resolve: number }> = {
  CRITICAL: { ack: 60, resolve: 1440 },
  HIGH: { ack: 240, resolve: 4320 },
  MEDIUM: { ack: 480, resolve: 10080 },
  LOW: { ack: 1440, resolve: 20160 },
};

export type BenchComplaint = {
  status: BenchStatus;
  severity: BenchSeverity;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  confirmedAt: Date | null;
  closedAt: Date | null;
  ackDueAt: Date;
  resolveDueAt: Date;
  ackBreachedAt: Date | null;
  resolveBreachedAt: Date | null;
  escalated: boolean;
  reopened: boolean;
  /** The timeline: one entry per status reached after "received", then escalation and reopening. */
  steps: { kind: "status" | "escalate" | "reopen"; to: BenchStatus | null; at: Date }[];
};

/**
 * One complaint's life, received `ageDays` before `now`: the older, the further it got (closed
 * complaints are the bulk of three years; the open ones are recent). Each step takes a random
 * share of its SLA, sometimes more than all of it (a breach); a breach before `now` escalates.
 */
export function benchComplaint(
  random: Random,
  now: Date,
  ageDays: number,
  sla: Record<BenchSeverity, { ack: number; resolve: number }> = DEFAULT_SLA,
): BenchComplaint {
  const severity = SEVERITIES[weighted(random, [5, 20, 50, 25])]!;
  const receivedAt = new Date(now.getTime() - ageDays * DAY - random.int(0, DAY / MINUTE - 1) * MINUTE);
  const { ack, resolve } = sla[severity];
  const ackDueAt = new Date(receivedAt.getTime() + ack * MINUTE);
  const resolveDueAt = new Date(receivedAt.getTime() + resolve * MINUTE);
  // How far it got: older complaints are further along.
  const target =
    ageDays > 60
      ? STATUSES[weighted(random, [0, 0, 1, 2, 7, 90])]!
      : ageDays > 14
        ? STATUSES[weighted(random, [4, 8, 18, 25, 15, 30])]!
        : STATUSES[weighted(random, [25, 25, 25, 15, 5, 5])]!;
  const reach = STATUSES.indexOf(target);
  const late = random.chance(0.12); // this one misses its clocks
  const at = (from: Date, slaMinutes: number, share: number) =>
    new Date(Math.min(from.getTime() + Math.max(1, Math.round(slaMinutes * share)) * MINUTE, now.getTime()));
  const steps: BenchComplaint["steps"] = [];
  const acknowledgedAt =
    reach >= 1 ? at(receivedAt, ack, late ? 1.2 + random.next() : random.next() * 0.9) : null;
  const resolvedAt =
    reach >= 3 ? at(receivedAt, resolve, late ? 1.1 + random.next() : 0.2 + random.next() * 0.7) : null;
  const investigatingAt =
    reach >= 2 ? new Date((acknowledgedAt!.getTime() + (resolvedAt ?? now).getTime()) / 2) : null;
  const confirmedAt = reach >= 4 ? at(resolvedAt!, 3 * 24 * 60, random.next()) : null;
  const closedAt = reach >= 5 ? at(confirmedAt!, 24 * 60, random.next()) : null;
  for (const [status, when] of [
    ["ACKNOWLEDGED", acknowledgedAt],
    ["INVESTIGATING", investigatingAt],
    ["RESOLVED", resolvedAt],
    ["CONFIRMED", confirmedAt],
    ["CLOSED", closedAt],
  ] as const)
    if (when) steps.push({ kind: "status", to: status, at: when });
  const ackBreachedAt = (acknowledgedAt ?? now) > ackDueAt ? ackDueAt : null;
  const resolveBreachedAt = (resolvedAt ?? now) > resolveDueAt ? resolveDueAt : null;
  const escalated = ackBreachedAt !== null || resolveBreachedAt !== null;
  if (escalated) steps.push({ kind: "escalate", to: null, at: (ackBreachedAt ?? resolveBreachedAt)! });
  // A few closed or confirmed ones were reopened once on the way.
  const reopened = reach >= 4 && random.chance(0.05);
  if (reopened) steps.push({ kind: "reopen", to: "INVESTIGATING", at: resolvedAt! });
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    status: target,
    severity,
    receivedAt,
    acknowledgedAt,
    resolvedAt,
    confirmedAt,
    closedAt,
    ackDueAt,
    resolveDueAt,
    ackBreachedAt,
    resolveBreachedAt,
    escalated,
    reopened,
    steps,
  };
}

export const SERVICE_ITEMS = [
  { name: "季度业务回顾（QBR）", frequency: "QUARTERLY", days: 91 },
  { name: "月度交付报告", frequency: "MONTHLY", days: 30 },
  { name: "现场技术支持", frequency: "HALF_YEARLY", days: 182 },
  { name: "年度高层拜访", frequency: "YEARLY", days: 365 },
] as const;
