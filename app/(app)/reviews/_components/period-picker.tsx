import Form from "next/form";
import { LabelledField } from "@/components/forms/filter-fields";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

type Option = { value: string; label: string };

/** A GET form: the period (and, for managers, the person) travel in the URL. */
export function PeriodPicker({
  action,
  periods,
  period,
  people,
  person,
  labels,
}: {
  action: string;
  periods: Option[];
  period: string;
  people?: Option[];
  person?: string;
  labels: { period: string; person: string; apply: string };
}) {
  return (
    <Form
      action={action}
      key={`${period}|${person ?? ""}`}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 print:hidden"
    >
      <LabelledField id="scorecard-period" label={labels.period} className="min-w-40">
        <Select id="scorecard-period" name="period" defaultValue={period}>
          {periods.some((p) => p.value === period) ? null : <option value={period}>{period}</option>}
          {periods.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </Select>
      </LabelledField>
      {people ? (
        <LabelledField id="scorecard-person" label={labels.person} className="min-w-40">
          <Select id="scorecard-person" name="person" defaultValue={person ?? ""}>
            {people.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </LabelledField>
      ) : null}
      <Button type="submit" variant="secondary">
        {labels.apply}
      </Button>
    </Form>
  );
}
