import { getTranslations } from "next-intl/server";
import { TARGET_METRICS, type TargetMetric } from "@/lib/domain/targets";
import { FilterForm } from "@/components/admin/filter-form";
import { Select } from "@/components/ui/input";
import { yearChoices } from "./format";

/** The year (and, for targets, the metric) a grid shows; both live in the URL. */
export async function YearMetricFilter({
  action,
  label,
  thisYear,
  year,
  metric,
}: {
  action: string;
  label: string;
  thisYear: number;
  year: number;
  metric?: TargetMetric;
}) {
  const t = await getTranslations("targets");
  const years = yearChoices(thisYear);
  if (!years.includes(year)) years.push(year);
  return (
    <FilterForm action={action} label={label}>
      <div>
        <label htmlFor="grid-year" className="mb-1 block text-sm font-medium text-slate-800">
          {t("year")}
        </label>
        <Select id="grid-year" name="year" defaultValue={String(year)}>
          {years.sort().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
      {metric ? (
        <div>
          <label htmlFor="grid-metric" className="mb-1 block text-sm font-medium text-slate-800">
            {t("metric")}
          </label>
          <Select id="grid-metric" name="metric" defaultValue={metric}>
            {TARGET_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`metrics.${m}`)}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
    </FilterForm>
  );
}
