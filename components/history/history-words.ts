import { yuan } from "@/components/deals/format";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeAudit, type AuditFacts, type HistoryValue } from "@/lib/domain/history";

/**
 * The words for audit entries in the viewer's language: `sentence(row)` says what happened (or null
 * when the action's label says it all), `entity(name)` names a record type, `field(name)` a field.
 */
export async function historyWords() {
  const [t, ta, tg, tt, format] = await Promise.all([
    getTranslations("history"),
    getTranslations("account"),
    getTranslations("gate"),
    getTranslations(),
    getFormatter(),
  ]);
  const sep = t("separator");
  const has = (key: string) => t.has(key);
  const field = (name: string) => (has(`fields.${name}`) ? t(`fields.${name}`) : name);
  const entity = (name: string) =>
    has(`entities.${name}`)
      ? t(`entities.${name}`)
      : tt.has(`entities.${name}`)
        ? tt(`entities.${name}`)
        : name;
  const known = (tr: typeof ta, key: string, raw: string) => (raw && tr.has(key) ? tr(key) : raw || "—");

  function word(v: HistoryValue): string {
    switch (v.kind) {
      case "text":
        return v.value;
      case "stage":
        return known(tg, `stages.${v.value}`, v.value);
      case "lifecycle":
        return known(ta, `lifecycle.${v.value}`, v.value);
      case "tier":
        return known(ta, `tiers.${v.value}`, v.value);
      case "buyingRole":
        return known(ta, `buyingRoles.${v.value}`, v.value);
      case "day":
        // Calendar days are stored as midnight UTC of the day itself.
        return v.value ? format.dateTime(new Date(v.value), { dateStyle: "medium", timeZone: "UTC" }) : "—";
      case "fen":
        return yuan(format, Number(v.value) / 100);
      case "score":
        return v.value === null
          ? "—"
          : format.number(v.value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      case "gateItems":
        return v.value.map((g) => known(tg, `items.${g.split(".")[1] ?? ""}`, g)).join(sep);
      case "marks":
        return v.value
          .map((m) =>
            t("markAnswer", {
              mark: known(ta, `marks.${m.mark}`, m.mark),
              answer: known(ta, `markAnswers.${m.answer}`, m.answer),
            }),
          )
          .join(sep);
      case "fields":
        return v.value.map(field).join(sep);
    }
  }

  function sentence(row: AuditFacts): string | null {
    const s = describeAudit(row);
    if (!s || !has(`sentences.${s.key}`)) return null;
    return t(
      `sentences.${s.key}`,
      Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, word(v)])),
    );
  }

  return { sentence, entity, field };
}
