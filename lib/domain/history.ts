// What an audit entry says in words: a message key and its values, kept apart from translation so
// the rule is pure and unit-tested. The account timeline, the home feeds and the audit log share it.

export type HistoryValue =
  | { kind: "text"; value: string }
  | { kind: "stage"; value: string } // DealStage
  | { kind: "lifecycle"; value: string }
  | { kind: "tier"; value: string }
  | { kind: "buyingRole"; value: string }
  | { kind: "day"; value: string } // a calendar day stored as an ISO instant
  | { kind: "fen"; value: string } // money in fen
  | { kind: "score"; value: number | null }
  | { kind: "gateItems"; value: string[] } // "STAGE.item"
  | { kind: "marks"; value: { mark: string; answer: string }[] }
  | { kind: "fields"; value: string[] };

export type HistorySentence = { key: string; values: Record<string, HistoryValue> };

export type AuditFacts = { action: string; entity: string; before: unknown; after: unknown };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const text = (value: string): HistoryValue => ({ kind: "text", value });

/** Events that are about signing in and out: kept in the audit log, never in a feed of work. */
export const SESSION_ACTIONS = [
  "auth.signIn",
  "auth.signInFailed",
  "auth.signOut",
  "user.setLocale",
] as const;
export const isSessionAction = (action: string) => (SESSION_ACTIONS as readonly string[]).includes(action);

// Bookkeeping fields that say nothing to a person reading the history.
const HIDDEN_FIELDS = new Set([
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "lifecycleChangedAt",
  "tokenVersion",
]);

/** The fields whose values differ between the two snapshots, bookkeeping left out. */
export function changedFieldNames(before: unknown, after: unknown): string[] {
  const b = obj(before) ?? {};
  const a = obj(after) ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !HIDDEN_FIELDS.has(k) && JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null),
  );
}

const MARKS = ["need", "afford", "willing", "decide"] as const;

/** The sentence for an audit entry, or null when the action label alone says it all. */
export function describeAudit(row: AuditFacts): HistorySentence | null {
  const before = obj(row.before);
  const after = obj(row.after);
  const say = (key: string, values: Record<string, HistoryValue> = {}): HistorySentence => ({ key, values });
  const withReason = (key: string, values: Record<string, HistoryValue>, reason: string | null) =>
    reason ? say(`${key}Reason`, { ...values, reason: text(reason) }) : say(key, values);
  const title = text(str(after?.title) ?? str(before?.title) ?? "");
  const stage = (v: unknown): HistoryValue => ({ kind: "stage", value: str(v) ?? "" });

  switch (row.action) {
    case "account.create":
    case "account.import":
      return say("accountCreated", {
        name: text(str(after?.name) ?? ""),
        lifecycle: { kind: "lifecycle", value: str(after?.lifecycle) ?? "PROSPECT" },
      });
    case "account.update":
    case "account.importUpdate": {
      const fields = changedFieldNames(before, after);
      return fields.length ? say("changedFields", { fields: { kind: "fields", value: fields } }) : null;
    }
    case "account.qualify": {
      const marks = MARKS.flatMap((m) => {
        const answer = str(after?.[`${m}Mark`]);
        return answer && answer !== str(before?.[`${m}Mark`]) ? [{ mark: m, answer }] : [];
      });
      return marks.length ? say("qualified", { marks: { kind: "marks", value: marks } }) : null;
    }
    case "account.lifecycle":
    case "account.lifecycleOverride": {
      const from = str(before?.lifecycle);
      const to = str(after?.lifecycle);
      if (!from || !to) return null;
      return withReason(
        row.action === "account.lifecycleOverride" ? "lifecycleOverride" : "lifecycle",
        { from: { kind: "lifecycle", value: from }, to: { kind: "lifecycle", value: to } },
        str(after?.reason),
      );
    }
    case "account.tierOverride": {
      const tier = str(after?.tier);
      if (!tier) return null;
      const reason = str(after?.tierOverrideReason);
      return reason
        ? say("tierManual", { tier: { kind: "tier", value: tier }, reason: text(reason) })
        : say("tierComputed", { tier: { kind: "tier", value: tier } });
    }
    case "account.value": {
      const score = (v: unknown): HistoryValue => ({
        kind: "score",
        value: typeof v === "number" ? v : null,
      });
      return say("score", { from: score(before?.compositeScore), to: score(after?.compositeScore) });
    }
    case "account.dealWon":
      return str(before?.lifecycle) !== "CUSTOMER"
        ? say("becameCustomer", { lifecycle: { kind: "lifecycle", value: "CUSTOMER" } })
        : say("volumeFromAgreement");
    case "contact.create":
      return say("contactAdded", {
        name: text(str(after?.name) ?? ""),
        role: { kind: "buyingRole", value: str(after?.buyingRole) ?? "USER" },
      });
    case "contact.update": {
      const fields = changedFieldNames(before, after);
      return say("contactChanged", {
        name: text(str(after?.name) ?? str(before?.name) ?? ""),
        fields: { kind: "fields", value: fields },
      });
    }
    case "contact.delete":
    case "contact.restore":
      return say(row.action === "contact.delete" ? "contactDeleted" : "contactRestored", {
        name: text(str(after?.name) ?? str(before?.name) ?? ""),
      });
    case "deal.create":
      return say("dealCreated", { title, stage: stage(after?.stage) });
    case "deal.move":
    case "deal.moveBack":
      // A move back is said as one ("退回到"), not as progress.
      return withReason(
        row.action === "deal.moveBack" ? "dealMovedBack" : "dealMoved",
        { title, from: stage(before?.stage), to: stage(after?.stage) },
        str(after?.note),
      );
    case "deal.moveOverride": {
      const gate = Array.isArray(after?.overriddenGate)
        ? after.overriddenGate.filter((g) => typeof g === "string")
        : [];
      const values = {
        title,
        from: stage(before?.stage),
        to: stage(after?.stage),
        items: { kind: "gateItems", value: gate } as HistoryValue,
        reason: text(str(after?.overrideReason) ?? ""),
      };
      return say(after?.status === "WON" ? "dealWonOverride" : "dealMovedOverride", values);
    }
    case "deal.won":
      return say("dealWon", { title });
    case "deal.lost":
      return withReason("dealLost", { title, stage: stage(before?.stage) }, str(after?.note));
    case "deal.terminate":
      return withReason("dealTerminated", { title }, str(after?.closeNote));
    case "deal.update":
    case "deal.delete":
    case "deal.restore":
      return say(
        { "deal.update": "dealUpdated", "deal.delete": "dealDeleted", "deal.restore": "dealRestored" }[
          row.action
        ]!,
        {
          title,
        },
      );
    case "agreement.create":
    case "agreement.renew":
    case "agreement.update": {
      const key =
        { "agreement.create": "agreementSigned", "agreement.renew": "agreementRenewed" }[
          row.action as "agreement.create"
        ] ?? "agreementChanged";
      return say(key, {
        start: { kind: "day", value: str(after?.startDate) ?? "" },
        end: { kind: "day", value: str(after?.endDate) ?? "" },
        value: { kind: "fen", value: String(after?.contractValue ?? "0") },
      });
    }
    default:
      if (row.action.startsWith("deal.work."))
        return say("dealWork", { title, stage: stage(row.action.slice("deal.work.".length).toUpperCase()) });
      return null;
  }
}
