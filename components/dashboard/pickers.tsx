import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-class";
import type { ScopeOptions } from "@/lib/data/kpi/request";
import { monthPeriod, periodKey, quarterPeriod, yearPeriod, type Period } from "@/lib/domain/kpi-period";

export type PickerLabels = {
  label: string;
  period: string;
  months: string;
  quarters: string;
  years: string;
  custom: string;
  customSummary: string;
  from: string;
  to: string;
  scope: string;
  teams: string;
  people: string;
  apply: string;
  organisation: string;
  current: string;
};

/** The choices a period picker offers: the last 13 months, 8 quarters and 3 years before `today`. */
function periodChoices(today: string) {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const months = Array.from({ length: 13 }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return monthPeriod(Math.floor(k / 12), (k % 12) + 1);
  });
  const q = Math.floor((m - 1) / 3);
  const quarters = Array.from({ length: 8 }, (_, i) => {
    const k = y * 4 + q - i;
    return quarterPeriod(Math.floor(k / 4), (k % 4) + 1);
  });
  const years = [y, y - 1, y - 2].map(yearPeriod);
  return { months, quarters, years };
}

/**
 * The period and scope pickers: plain GET forms, so they work before any JavaScript and the
 * choice lands in the address (`period`, or `from`/`to`; `scope` is turned into `team`/`person`
 * by the page). The scope select lists teams and people together: one choice, never a conflict.
 */
export function DashboardPickers({
  period,
  today,
  scopeValue,
  options,
  labels,
  periodLabel,
  teamLabel,
}: {
  period: Period;
  today: string;
  scopeValue: string;
  options: ScopeOptions;
  labels: PickerLabels;
  periodLabel: (p: Period) => string;
  teamLabel: (t: { name: string; nameZh: string | null }) => string;
}) {
  const choices = periodChoices(today);
  const key = periodKey(period);
  const canPickScope = options.teams.length > 0 || options.people.length > 1;
  const scopeSelect = canPickScope ? (
    <div className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700 sm:flex-1">
      <label htmlFor="dashboard-scope">{labels.scope}</label>
      <select id="dashboard-scope" name="scope" defaultValue={scopeValue} className={controlClass()}>
        {scopeValue === "" ? <option value="">{labels.organisation}</option> : null}
        <optgroup label={labels.teams}>
          {options.teams.map((t) => (
            <option key={t.id} value={`team:${t.id}`}>
              {"\u3000".repeat(t.depth)}
              {teamLabel(t)}
            </option>
          ))}
        </optgroup>
        <optgroup label={labels.people}>
          {options.people.map((p) => (
            <option key={p.id} value={`person:${p.id}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  ) : null;
  return (
    <section
      aria-label={labels.label}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <form method="get" action="/dashboard" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700 sm:flex-1">
          <label htmlFor="dashboard-period">{labels.period}</label>
          <select
            id="dashboard-period"
            name="period"
            defaultValue={period.kind === "custom" ? "" : key}
            className={controlClass()}
          >
            {period.kind === "custom" ? <option value="">{labels.current}</option> : null}
            {(["months", "quarters", "years"] as const).map((group) => (
              <optgroup key={group} label={labels[group]}>
                {choices[group].map((p) => (
                  <option key={periodKey(p)} value={periodKey(p)}>
                    {periodLabel(p)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {scopeSelect}
        <button type="submit" className={buttonClass("primary")}>
          {labels.apply}
        </button>
      </form>
      <details open={period.kind === "custom"}>
        <summary className="cursor-pointer text-sm font-medium text-indigo-700">
          {labels.customSummary}
        </summary>
        <form
          method="get"
          action="/dashboard"
          className="mt-2 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        >
          <fieldset className="contents">
            <legend className="sr-only">{labels.custom}</legend>
            <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700 sm:flex-1">
              {labels.from}
              <input
                type="date"
                name="from"
                required
                defaultValue={period.start}
                className={controlClass()}
              />
            </label>
            <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700 sm:flex-1">
              {labels.to}
              <input type="date" name="to" required defaultValue={period.end} className={controlClass()} />
            </label>
          </fieldset>
          {scopeValue ? <input type="hidden" name="scope" value={scopeValue} /> : null}
          <button type="submit" className={buttonClass("secondary")}>
            {labels.apply}
          </button>
        </form>
      </details>
    </section>
  );
}
