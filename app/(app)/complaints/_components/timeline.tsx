import type { ComplaintDetail } from "@/lib/data/complaints/detail";
import type { Translate } from "@/components/complaints/sla-text";

/** The complaint's events, oldest first: each step, hand-over, escalation, note and survey. */
export function Timeline({
  c,
  t,
  when,
  teamName,
}: {
  c: ComplaintDetail;
  t: Translate;
  when: (d: Date | null) => string;
  teamName: (id: string | null) => string | null;
}) {
  const name = (id: string | null) => (id ? (c.names.get(id) ?? "—") : t("events.system"));
  const sentence = (e: ComplaintDetail["events"][number]) => {
    const p = (e.payload ?? {}) as {
      handlerId?: string | null;
      handlerTeamId?: string | null;
      to?: string[];
      breach?: string;
    };
    const actor = name(e.actorId);
    switch (e.kind) {
      case "status":
        return e.fromStatus
          ? t("events.status", { actor, from: t(`status.${e.fromStatus}`), to: t(`status.${e.toStatus}`) })
          : t("events.created", { actor });
      case "reopen":
        return t("events.reopen", { actor });
      case "assign":
        return p.handlerId
          ? t("events.assignPerson", { actor, handler: name(p.handlerId) })
          : t("events.assignTeam", { actor, team: teamName(p.handlerTeamId ?? null) ?? "—" });
      case "escalate": {
        const to = (p.to ?? []).map((id) => name(id)).join("、") || "—";
        return t(
          p.breach === "ack"
            ? "events.escalateAck"
            : p.breach === "resolve"
              ? "events.escalateResolve"
              : "events.escalate",
          { to },
        );
      }
      case "survey":
        return t("events.survey");
      default:
        return t("events.note", { actor });
    }
  };
  return (
    <ol className="divide-y divide-slate-100" data-testid="complaint-timeline">
      {c.events.map((e) => (
        <li key={e.id} className="px-4 py-3" data-kind={e.kind}>
          <p className="text-sm text-slate-900">{sentence(e)}</p>
          {e.note ? (
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{e.note}</p>
          ) : null}
          <p className="text-xs tabular-nums text-slate-600">{when(e.createdAt)}</p>
        </li>
      ))}
    </ol>
  );
}
