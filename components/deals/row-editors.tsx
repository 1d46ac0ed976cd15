"use client";

import { useId, useRef, useState } from "react";
import { useFormState } from "@/components/forms/action-form";
import { LabelledField } from "@/components/forms/filter-fields";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

// The obstacle list and the development programme of 价值评估/开发程序: rows the person adds and
// removes, submitted as repeated fields (obstacle / counterMeasure, step / stepOwnerId / stepDue,
// and stepDone carrying the index of each ticked row) that valueWorkSchema pairs up again.

const nth = (template: string, n: number) => template.replace("{n}", String(n));

/** The submitted list for a repeated field after an error (one value arrives as a plain string). */
function echoed(values: Record<string, string | string[]> | undefined, name: string): string[] | null {
  if (!values || !(name in values)) return null;
  const v = values[name];
  return Array.isArray(v) ? v : [v ?? ""];
}

function useRowKeys(count: number) {
  const next = useRef(count);
  const [keys, setKeys] = useState(() => Array.from({ length: count }, (_, i) => i));
  return {
    keys,
    add: () => setKeys((k) => [...k, next.current++]),
    remove: (index: number) => setKeys((k) => k.filter((_, i) => i !== index)),
  };
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" onClick={onClick} className="justify-self-start">
      <span aria-hidden="true">✕</span>
      <span className="sm:sr-only">{label}</span>
    </Button>
  );
}

function FieldError({ name }: { name: string }) {
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return <p className="text-sm text-red-700">{errors.join(" ")}</p>;
}

export type ObstacleLabels = {
  legend: string;
  hint: string;
  obstacle: string; // "Obstacle {n}"
  counterMeasure: string; // "Counter-measure {n}"
  add: string;
  remove: string; // "Remove obstacle {n}"
  empty: string;
};

export function ObstacleRows({
  initial,
  labels,
  disabled,
}: {
  initial: { obstacle: string; counterMeasure: string }[];
  labels: ObstacleLabels;
  disabled?: boolean;
}) {
  const state = useFormState();
  const values = state.status === "error" ? state.values : undefined;
  // Each row's key indexes the starting rows; rows added later start blank.
  const [rows] = useState(() => {
    const o = echoed(values, "obstacle");
    if (!o) return initial;
    const c = echoed(values, "counterMeasure") ?? [];
    return o.map((obstacle, i) => ({ obstacle, counterMeasure: c[i] ?? "" }));
  });
  const { keys, add, remove } = useRowKeys(rows.length);
  const id = useId();
  return (
    <fieldset className="space-y-3" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-semibold text-slate-900">{labels.legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {labels.hint}
      </p>
      {keys.length === 0 ? <p className="text-sm text-slate-600">{labels.empty}</p> : null}
      <ol className="space-y-3">
        {keys.map((key, i) => (
          <li
            key={key}
            className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          >
            <LabelledField id={`${id}-o${key}`} label={nth(labels.obstacle, i + 1)}>
              <Input
                id={`${id}-o${key}`}
                name="obstacle"
                defaultValue={rows[key]?.obstacle ?? ""}
                maxLength={500}
                autoComplete="off"
                disabled={disabled}
              />
            </LabelledField>
            <LabelledField id={`${id}-c${key}`} label={nth(labels.counterMeasure, i + 1)}>
              <Input
                id={`${id}-c${key}`}
                name="counterMeasure"
                defaultValue={rows[key]?.counterMeasure ?? ""}
                maxLength={500}
                autoComplete="off"
                disabled={disabled}
              />
            </LabelledField>
            {disabled ? null : <RemoveButton label={nth(labels.remove, i + 1)} onClick={() => remove(i)} />}
          </li>
        ))}
      </ol>
      <FieldError name="obstacles" />
      {disabled ? null : (
        <Button variant="secondary" size="sm" onClick={add}>
          + {labels.add}
        </Button>
      )}
    </fieldset>
  );
}

export type ProgrammeLabels = {
  legend: string;
  hint: string;
  step: string; // "Step {n}"
  owner: string; // "Owner of step {n}"
  due: string; // "Due date of step {n}"
  done: string; // "Step {n} done"
  chooseOwner: string;
  add: string;
  remove: string; // "Remove step {n}"
  empty: string;
};

export function ProgrammeRows({
  initial,
  owners,
  defaultOwnerId,
  labels,
  disabled,
}: {
  initial: { step: string; ownerId: string; due: string; done: boolean }[];
  owners: { value: string; label: string }[];
  defaultOwnerId: string;
  labels: ProgrammeLabels;
  disabled?: boolean;
}) {
  const state = useFormState();
  const values = state.status === "error" ? state.values : undefined;
  const [rows] = useState(() => {
    const steps = echoed(values, "step");
    if (!steps) return initial;
    const ownerIds = echoed(values, "stepOwnerId") ?? [];
    const dues = echoed(values, "stepDue") ?? [];
    const done = echoed(values, "stepDone") ?? [];
    return steps.map((step, i) => ({
      step,
      ownerId: ownerIds[i] ?? "",
      due: dues[i] ?? "",
      done: done.includes(String(i)),
    }));
  });
  const { keys, add, remove } = useRowKeys(rows.length);
  const id = useId();
  return (
    <fieldset className="space-y-3" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-semibold text-slate-900">{labels.legend}</legend>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {labels.hint}
      </p>
      {keys.length === 0 ? <p className="text-sm text-slate-600">{labels.empty}</p> : null}
      <ol className="space-y-3">
        {keys.map((key, i) => {
          const row = rows[key];
          return (
            <li
              key={key}
              className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_10rem_auto_auto] lg:items-end"
            >
              <LabelledField
                id={`${id}-s${key}`}
                label={nth(labels.step, i + 1)}
                className="sm:col-span-2 lg:col-span-1"
              >
                <Input
                  id={`${id}-s${key}`}
                  name="step"
                  defaultValue={row?.step ?? ""}
                  maxLength={500}
                  autoComplete="off"
                  disabled={disabled}
                />
              </LabelledField>
              <LabelledField id={`${id}-w${key}`} label={nth(labels.owner, i + 1)}>
                <Select
                  id={`${id}-w${key}`}
                  name="stepOwnerId"
                  defaultValue={row ? row.ownerId : defaultOwnerId}
                  disabled={disabled}
                >
                  <option value="">{labels.chooseOwner}</option>
                  {owners.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </LabelledField>
              <LabelledField id={`${id}-d${key}`} label={nth(labels.due, i + 1)}>
                <Input
                  id={`${id}-d${key}`}
                  name="stepDue"
                  type="date"
                  defaultValue={row?.due ?? ""}
                  disabled={disabled}
                />
              </LabelledField>
              <label className="flex h-11 items-center gap-2 text-sm text-slate-800 sm:h-10">
                <input
                  id={`${id}-x${key}`}
                  type="checkbox"
                  name="stepDone"
                  value={String(i)}
                  defaultChecked={row?.done ?? false}
                  disabled={disabled}
                  className="h-5 w-5 accent-indigo-700"
                />
                {nth(labels.done, i + 1)}
              </label>
              {disabled ? null : <RemoveButton label={nth(labels.remove, i + 1)} onClick={() => remove(i)} />}
            </li>
          );
        })}
      </ol>
      <FieldError name="programme" />
      {disabled ? null : (
        <Button variant="secondary" size="sm" onClick={add}>
          + {labels.add}
        </Button>
      )}
    </fieldset>
  );
}
