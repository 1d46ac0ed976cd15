import { SelectField, TextAreaField, TextField } from "@/components/forms/action-form";
import { SERVICE_FREQUENCIES } from "@/lib/domain/service-plans";

export type ServiceItemFieldLabels = {
  name: string;
  description: string;
  owner: string;
  frequency: string;
  nextDueOn: string;
  frequencies: Record<string, string>;
};

/** The fields of a service item, shared by the add and edit forms. */
export function ServiceItemFields({
  labels,
  owners,
  initial,
}: {
  labels: ServiceItemFieldLabels;
  owners: { id: string; name: string }[];
  initial?: {
    name: string;
    description: string | null;
    ownerId: string;
    frequency: string;
    nextDueOn: string;
  };
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name="name" label={labels.name} defaultValue={initial?.name} required maxLength={120} />
      <SelectField
        name="ownerId"
        label={labels.owner}
        defaultValue={initial?.ownerId}
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectField
        name="frequency"
        label={labels.frequency}
        defaultValue={initial?.frequency ?? "QUARTERLY"}
        options={SERVICE_FREQUENCIES.map((f) => ({ value: f, label: labels.frequencies[f] ?? f }))}
      />
      <TextField
        name="nextDueOn"
        type="date"
        label={labels.nextDueOn}
        defaultValue={initial?.nextDueOn}
        required
      />
      <TextAreaField
        name="description"
        label={labels.description}
        defaultValue={initial?.description ?? undefined}
        className="sm:col-span-2"
        rows={2}
        maxLength={1000}
      />
    </div>
  );
}
