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
  | "decisionMakers"
  | "decisionMakersHint"
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

/** 发送调研: which questionnaire, to whom (every decision maker, or chosen people), until when, in which language. */
export function SendSurveyForm({
  action,
  accountId,
  templates,
  contacts,
  decisionMakers,
  defaultClosesOn,
  locales,
  labels,
}: {
  action: (
    state: ActionState<{ surveyId: string }>,
    formData: FormData,
  ) => Promise<ActionState<{ surveyId: string }>>;
  accountId: string;
  templates: Option[];
  contacts: (Option & { decisionMaker: boolean })[];
  decisionMakers: number;
  defaultClosesOn: string;
  locales: Option[];
  labels: SendSurveyLabels;
}) {
  const router = useRouter();
  const [audience, setAudience] = useState(decisionMakers ? "decisionMakers" : "chosen");
  return (
    <ActionForm
      action={action}
      aria-label={labels.title}
      onSuccess={(state) => {
        if (state.status === "ok" && state.data)
          router.push(`/surveys/${encodeURIComponent(state.data.surveyId)}`);
      }}
    >
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="templateId"
          label={labels.template}
          options={templates}
          defaultValue={templates[0]?.value}
        />
        <TextField name="closesOn" label={labels.closesOn} type="date" defaultValue={defaultClosesOn} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.audience}</legend>
        {(["decisionMakers", "chosen"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="radio"
              name="audience"
              value={value}
              checked={audience === value}
              onChange={() => setAudience(value)}
              className="h-4 w-4"
            />
            {value === "decisionMakers" ? `${labels.decisionMakers} (${decisionMakers})` : labels.chosen}
          </label>
        ))}
        {audience === "decisionMakers" ? (
          <p className="text-xs text-slate-600">{labels.decisionMakersHint}</p>
        ) : null}
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
