import { getTranslations } from "next-intl/server";
import type { QuestionResult } from "@/lib/domain/survey-results";

/** Each question's answers: a bar per value or option (with its count), or the texts given. */
export async function QuestionResults({
  questions,
  results,
}: {
  questions: { key: string; label: string; options: Record<string, string> }[];
  results: QuestionResult[];
}) {
  const t = await getTranslations("surveys.detail");
  return (
    <ol className="space-y-6">
      {results.map((r, index) => {
        const q = questions[index]!;
        const rows =
          r.kind === "scale"
            ? r.counts.map((c) => ({ label: String(c.value), count: c.count }))
            : r.kind === "choice"
              ? r.counts.map((c) => ({ label: q.options[c.option] ?? c.option, count: c.count }))
              : [];
        const most = Math.max(1, ...rows.map((x) => x.count));
        return (
          <li key={r.key} className="space-y-2">
            <h3 className="font-medium text-slate-900">
              {index + 1}. {q.label}
            </h3>
            <p className="text-xs text-slate-600">
              {t("answeredBy", { count: r.answered })}
              {r.kind === "scale" && r.mean !== null ? ` · ${t("mean", { mean: r.mean })}` : ""}
            </p>
            {r.kind === "text" ? (
              r.texts.length ? (
                <ul className="space-y-2">
                  {r.texts.map((text, i) => (
                    <li
                      key={i}
                      className="rounded bg-slate-50 p-2 text-sm whitespace-pre-line text-slate-800"
                    >
                      {text}
                    </li>
                  ))}
                </ul>
              ) : null
            ) : (
              <table className="w-full text-sm">
                <caption className="sr-only">{q.label}</caption>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.label}>
                      <th scope="row" className="w-24 py-0.5 pr-2 text-left font-normal text-slate-700">
                        {row.label}
                      </th>
                      <td className="py-0.5">
                        <div className="flex items-center gap-2">
                          <div
                            aria-hidden="true"
                            className="h-3 rounded bg-indigo-500"
                            style={{ width: `${(row.count / most) * 80}%`, minWidth: row.count ? 4 : 0 }}
                          />
                          <span className="text-slate-800">{row.count}</span>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}
