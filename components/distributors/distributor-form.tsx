"use client";

import {
  ActionForm,
  FieldMessage,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormState,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";
import type { ActionState } from "@/lib/actions/types";

export type DistributorFormValues = { [field: string]: string | string[] | undefined } & {
  coverage?: string[];
  exclusive?: string[];
};
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export type DistributorFormText = {
  legal: string;
  profile: string;
  coverageSection: string;
  submit: string;
  choose: string;
  fields: Record<string, string>;
  hints: { money: string; owner: string; coverage: string };
  exclusive: string;
};

type Option = { value: string; label: string };
/** A territory to choose, with the accessible names of its two checkboxes. */
export type TerritoryChoice = Option & { depth: number; coversLabel: string; exclusiveLabel: string };
type FormAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * The distributor's profile form (new and edit): legal data, profile, home territory and owner,
 * and the territories covered with their exclusive flag. Field errors come from the server's zod
 * schema (lib/validation/distributors.ts); after an error everything typed is kept.
 */
export function DistributorForm<T>({
  action,
  record,
  values,
  text,
  kinds,
  models,
  territories,
  owners,
}: {
  action: FormAction<T>;
  record?: { id: string; version: number };
  values: DistributorFormValues;
  text: DistributorFormText;
  kinds: Option[];
  models: Option[];
  territories: TerritoryChoice[];
  /** Only for those who may give the distributor to another channel manager. */
  owners: Option[] | null;
}) {
  const f = text.fields;
  const indented = territories.map((o) => ({ value: o.value, label: `${"　".repeat(o.depth)}${o.label}` }));
  return (
    <ActionForm action={action} aria-label={text.submit}>
      {record ? <RecordRef id={record.id} version={record.version} /> : null}
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">{text.legal}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField name="name" label={f.name!} defaultValue={one(values.name)} required maxLength={120} />
          <TextField
            name="creditCode"
            label={f.creditCode!}
            defaultValue={one(values.creditCode)}
            maxLength={30}
          />
          <SelectField
            name="kind"
            label={f.kind!}
            defaultValue={one(values.kind)}
            options={kinds}
            placeholder={text.choose}
          />
          <SelectField
            name="model"
            label={f.model!}
            defaultValue={one(values.model)}
            options={models}
            placeholder={text.choose}
          />
          <TextField
            name="legalRepresentative"
            label={f.legalRepresentative!}
            defaultValue={one(values.legalRepresentative)}
          />
          <TextField
            name="registeredCapital"
            label={f.registeredCapital!}
            hint={text.hints.money}
            defaultValue={one(values.registeredCapital)}
            inputMode="decimal"
          />
          <TextField name="foundedOn" type="date" label={f.foundedOn!} defaultValue={one(values.foundedOn)} />
          <TextField name="address" label={f.address!} defaultValue={one(values.address)} />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">{text.profile}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            name="territoryId"
            label={f.territory!}
            defaultValue={one(values.territoryId)}
            options={indented}
            placeholder={text.choose}
          />
          {owners ? (
            <SelectField
              name="ownerId"
              label={f.owner!}
              hint={text.hints.owner}
              defaultValue={one(values.ownerId)}
              options={owners}
              placeholder="—"
            />
          ) : null}
          <TextField
            name="employees"
            label={f.employees!}
            defaultValue={one(values.employees)}
            inputMode="numeric"
          />
          <TextField
            name="annualSales"
            label={f.annualSales!}
            hint={text.hints.money}
            defaultValue={one(values.annualSales)}
            inputMode="decimal"
          />
        </div>
        <TextAreaField
          name="shareholderBackground"
          label={f.shareholderBackground!}
          defaultValue={one(values.shareholderBackground)}
          rows={2}
        />
        <TextAreaField
          name="organisation"
          label={f.organisation!}
          defaultValue={one(values.organisation)}
          rows={2}
        />
        <TextAreaField
          name="localStrength"
          label={f.localStrength!}
          defaultValue={one(values.localStrength)}
          rows={2}
        />
        <TextAreaField
          name="industryStanding"
          label={f.industryStanding!}
          defaultValue={one(values.industryStanding)}
          rows={2}
        />
      </fieldset>
      <Coverage territories={territories} values={values} text={text} />
      <SubmitButton>{text.submit}</SubmitButton>
    </ActionForm>
  );
}

/** Territories covered: "covers" and "exclusive" per territory; errors for the whole set below. */
function Coverage({
  territories,
  values,
  text,
}: {
  territories: TerritoryChoice[];
  values: DistributorFormValues;
  text: DistributorFormText;
}) {
  const state = useFormState();
  const sent = state.status === "error" ? state.values : undefined;
  const list = (key: "coverage" | "exclusive") => {
    const v = sent ? sent[key] : values[key];
    return new Set(v === undefined ? [] : Array.isArray(v) ? v : [v]);
  };
  const covered = list("coverage");
  const exclusive = list("exclusive");
  const errors =
    state.status === "error"
      ? [
          ...(state.fieldErrors?.coverage ?? []),
          ...(state.fieldErrors?.exclusive ?? []),
          ...(state.fieldErrors?.territories ?? []),
        ]
      : [];
  return (
    <fieldset className="space-y-2" aria-describedby="coverage-hint coverage-error">
      <legend className="text-base font-semibold text-slate-900">{text.coverageSection}</legend>
      <p id="coverage-hint" className="text-xs text-slate-600">
        {text.hints.coverage}
      </p>
      <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {territories.map((tr) => (
          <li
            key={tr.value}
            className="flex flex-wrap items-center justify-between gap-x-3 px-2 py-1"
            style={{ paddingLeft: `${0.5 + tr.depth}rem` }}
          >
            <label className="inline-flex min-h-11 items-center gap-2 text-sm sm:min-h-8">
              <input
                type="checkbox"
                name="coverage"
                value={tr.value}
                defaultChecked={covered.has(tr.value)}
                className="size-4"
                aria-label={tr.coversLabel}
              />
              <span aria-hidden="true">{tr.label}</span>
            </label>
            <label className="inline-flex min-h-11 items-center gap-1.5 text-xs text-slate-700 sm:min-h-8">
              <input
                type="checkbox"
                name="exclusive"
                value={tr.value}
                defaultChecked={exclusive.has(tr.value)}
                className="size-4"
                aria-label={tr.exclusiveLabel}
              />
              <span aria-hidden="true">{text.exclusive}</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldMessage id="coverage-error" lines={2}>
        {errors.length ? errors.join(" ") : null}
      </FieldMessage>
    </fieldset>
  );
}
