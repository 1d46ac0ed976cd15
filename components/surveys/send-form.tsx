"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionState } from "@/lib/actions/types";
import {
  ActionForm,
  FieldMessage,
  SelectField,
  SubmitButton,
  TextField,
  useFormState,
} from "@/components/forms/action-form";

type Option = { value: string; label: string };
export type SendSurveyLabels = Record<
  | "title"
  | "template"
  | "audience"
  | "chosen"
  | "contacts"
  | "closesOn"
  | "locale"
  | "localeHint"
  | "submit"
  | "noContacts",
  string
>;

function ContactsError() {
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.contactIds : undefined;
  return <FieldMessage id="contactIds-message">{errors?.join(" ")}</FieldMessage>;
}

/**
 * 发送调研: which questionnaire, to whom (a group — an account's decision makers, a distributor's
 * contacts — or chosen people), until when, in which language.
 */
export function SendSurveyForm({
  action,
  party,
  group,
  templates,
  defaultTemplate,
  contacts,
  defaultClosesOn,
  locales,
  labels,
}: {
  action: (
    state: ActionState<{ surveyId: string }>,
    formData: FormData,
  ) => Promise<ActionState<{ surveyId: string }>>;
  /** The hidden field naming whom the survey is for. */
  party: { field: "accountId" | "distributorId"; id: string };
  /** The audience "everyone of a kind": its form value, label, hint and how many people it holds. */
  group: { value: "decisionMakers" | "allContacts"; label: string; hint: string; count: number };
  templates: Option[];
  defaultTemplate?: string;
  contacts: Option[];
  defaultClosesOn: string;
  locales: Option[];
  labels: SendSurveyLabels;
}) {
  const router = useRouter();
  const [audience, setAudience] = useState(group.count ? group.value : "chosen");
  return (
    <ActionForm
      action={action}
      aria-label={labels.title}
      onSuccess={(state) => {
        if (state.status === "ok" && state.data)
          router.push(`/surveys/${encodeURIComponent(state.data.surveyId)}`);
      }}
    >
      <input type="hidden" name={party.field} value={party.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="templateId"
          label={labels.template}
          options={templates}
          defaultValue={defaultTemplate ?? templates[0]?.value}
        />
        <TextField name="closesOn" label={labels.closesOn} type="date" defaultValue={defaultClosesOn} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.audience}</legend>
        {[group.value, "chosen" as const].map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="audience"
              value={value}
              checked={audience === value}
              onChange={() => setAudience(value)}
              className="h-4 w-4"
            />
            {value === "chosen" ? labels.chosen : `${group.label} (${group.count})`}
          </label>
        ))}
        {audience === group.value ? <p className="text-xs text-slate-600">{group.hint}</p> : null}
      </fieldset>
      {audience === "chosen" ? (
        <fieldset className="space-y-1" aria-describedby="contactIds-message">
          <legend className="text-sm font-medium text-slate-800">{labels.contacts}</legend>
          {contacts.length ? (
            contacts.map((c) => (
              <label key={c.value} className="flex min-h-9 items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="contactIds" value={c.value} className="h-4 w-4" />
                {c.label}
              </label>
            ))
          ) : (
            <p className="text-sm text-slate-600">{labels.noContacts}</p>
          )}
        </fieldset>
      ) : null}
      <ContactsError />
      <SelectField
        name="locale"
        label={labels.locale}
        hint={labels.localeHint}
        options={locales}
        defaultValue="zh-CN"
      />
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
