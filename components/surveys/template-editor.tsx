"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionState } from "@/lib/actions/types";
import type { QuestionType, SurveyQuestion } from "@/lib/domain/surveys";
import {
  ActionForm,
  FieldMessage,
  SubmitButton,
  TextField,
  useFormState,
} from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";

const TYPES: QuestionType[] = ["CSAT", "NPS", "SINGLE", "MULTIPLE", "SCALE", "TEXT"];

export type TemplateEditorLabels = Record<
  | "code"
  | "codeHint"
  | "name"
  | "nameEn"
  | "titleZh"
  | "titleEn"
  | "introZh"
  | "introEn"
  | "questions"
  | "question"
  | "key"
  | "type"
  | "required"
  | "labelZh"
  | "labelEn"
  | "options"
  | "option"
  | "addOption"
  | "removeOption"
  | "min"
  | "max"
  | "add"
  | "remove"
  | "up"
  | "down"
  | "save"
  | "versionNote",
  string
> & { types: Record<QuestionType, string> };

type Values = {
  code: string;
  name: string;
  nameEn: string;
  titleZh: string;
  titleEn: string;
  introZh: string;
  introEn: string;
};

function QuestionsError() {
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.questions : undefined;
  return <FieldMessage id="questions-message">{errors?.join(" ")}</FieldMessage>;
}

/** 问卷编辑: names, titles and the questions (each labelled in Chinese and English), posted as one JSON field. */
export function TemplateEditor({
  action,
  id,
  version,
  values,
  questions: initial,
  labels,
}: {
  action: (
    state: ActionState<{ id: string; currentVersion: number }>,
    formData: FormData,
  ) => Promise<ActionState<{ id: string; currentVersion: number }>>;
  id?: string;
  version?: number;
  values: Values;
  questions: SurveyQuestion[];
  labels: TemplateEditorLabels;
}) {
  const router = useRouter();
  const [questions, setQuestions] = useState<SurveyQuestion[]>(initial);
  const update = (i: number, patch: Partial<SurveyQuestion>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [q] = next.splice(i, 1);
      next.splice(i + by, 0, q!);
      return next;
    });
  const nextKey = () => {
    const keys = new Set(questions.map((q) => q.key));
    let n = questions.length + 1;
    while (keys.has(`q${n}`)) n++;
    return `q${n}`;
  };
  return (
    <ActionForm
      action={action}
      aria-label={labels.save}
      onSuccess={(state) => {
        if (state.status === "ok" && state.data && !id)
          router.push(`/surveys/templates/${encodeURIComponent(state.data.id)}`);
      }}
    >
      {id ? (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      <input type="hidden" name="questions" value={JSON.stringify(questions)} />
      <div className="grid gap-4 sm:grid-cols-2">
        {id ? null : (
          <TextField name="code" label={labels.code} hint={labels.codeHint} defaultValue={values.code} />
        )}
        <TextField name="name" label={labels.name} defaultValue={values.name} />
        <TextField name="nameEn" label={labels.nameEn} defaultValue={values.nameEn} />
        <TextField name="titleZh" label={labels.titleZh} defaultValue={values.titleZh} />
        <TextField name="titleEn" label={labels.titleEn} defaultValue={values.titleEn} />
        <TextField name="introZh" label={labels.introZh} defaultValue={values.introZh} />
        <TextField name="introEn" label={labels.introEn} defaultValue={values.introEn} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-slate-900">{labels.questions}</legend>
        {id ? <p className="text-sm text-slate-600">{labels.versionNote}</p> : null}
        <QuestionsError />
        <ol className="space-y-3">
          {questions.map((q, i) => {
            const fid = (f: string) => `q-${i}-${f}`;
            const choice = q.type === "SINGLE" || q.type === "MULTIPLE";
            return (
              <li
                key={i}
                className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
                data-testid="template-question"
              >
                <div className="flex flex-wrap items-end gap-3">
                  <span className="font-medium text-slate-900">
                    {labels.question} {i + 1}
                  </span>
                  <label className="text-sm" htmlFor={fid("type")}>
                    <span className="block font-medium text-slate-800">{labels.type}</span>
                    <Select
                      id={fid("type")}
                      value={q.type}
                      onChange={(e) => {
                        const type = e.target.value as QuestionType;
                        update(i, {
                          type,
                          options:
                            type === "SINGLE" || type === "MULTIPLE"
                              ? (q.options ?? [
                                  { key: "a", labelZh: "", labelEn: "" },
                                  { key: "b", labelZh: "", labelEn: "" },
                                ])
                              : undefined,
                          min: type === "SCALE" ? (q.min ?? 1) : undefined,
                          max: type === "SCALE" ? (q.max ?? 5) : undefined,
                        });
                      }}
                    >
                      {TYPES.map((type) => (
                        <option key={type} value={type}>
                          {labels.types[type]}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <label className="text-sm" htmlFor={fid("key")}>
                    <span className="block font-medium text-slate-800">{labels.key}</span>
                    <Input
                      id={fid("key")}
                      value={q.key}
                      className="w-28"
                      onChange={(e) => update(i, { key: e.target.value })}
                    />
                  </label>
                  <label className="flex min-h-10 items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      checked={q.required}
                      onChange={(e) => update(i, { required: e.target.checked })}
                      className="h-4 w-4"
                    />
                    {labels.required}
                  </label>
                  <div className="ml-auto flex gap-1">
                    <Button
                      type="button"
                      size="sm"
                      variant="secondary"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={`${labels.up} ${i + 1}`}
                    >
                      ↑
                    </Button>
                    <Button
                      type="button"
                      size="sm"
                      variant="secondary"
                      disabled={i === questions.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={`${labels.down} ${i + 1}`}
                    >
                      ↓
                    </Button>
                    <Button
                      type="button"
                      size="sm"
                      variant="secondary"
                      onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
                    >
                      {labels.remove}
                    </Button>
                  </div>
                </div>
                <div className="grid gap-3 sm:grid-cols-2">
                  <label className="text-sm" htmlFor={fid("zh")}>
                    <span className="block font-medium text-slate-800">{labels.labelZh}</span>
                    <Input
                      id={fid("zh")}
                      value={q.labelZh}
                      onChange={(e) => update(i, { labelZh: e.target.value })}
                    />
                  </label>
                  <label className="text-sm" htmlFor={fid("en")}>
                    <span className="block font-medium text-slate-800">{labels.labelEn}</span>
                    <Input
                      id={fid("en")}
                      value={q.labelEn}
                      onChange={(e) => update(i, { labelEn: e.target.value })}
                    />
                  </label>
                </div>
                {q.type === "SCALE" ? (
                  <div className="flex gap-3">
                    {(["min", "max"] as const).map((bound) => (
                      <label key={bound} className="text-sm" htmlFor={fid(bound)}>
                        <span className="block font-medium text-slate-800">{labels[bound]}</span>
                        <Input
                          id={fid(bound)}
                          type="number"
                          className="w-24"
                          value={q[bound] ?? ""}
                          onChange={(e) => update(i, { [bound]: Number(e.target.value) })}
                        />
                      </label>
                    ))}
                  </div>
                ) : null}
                {choice ? (
                  <fieldset className="space-y-2">
                    <legend className="text-sm font-medium text-slate-800">{labels.options}</legend>
                    {(q.options ?? []).map((o, j) => (
                      <div key={j} className="grid gap-2 sm:grid-cols-[6rem_1fr_1fr_auto]">
                        <Input
                          aria-label={`${labels.option} ${j + 1} ${labels.key}`}
                          value={o.key}
                          onChange={(e) =>
                            update(i, {
                              options: q.options!.map((x, k) =>
                                k === j ? { ...x, key: e.target.value } : x,
                              ),
                            })
                          }
                        />
                        <Input
                          aria-label={`${labels.option} ${j + 1} ${labels.labelZh}`}
                          value={o.labelZh}
                          onChange={(e) =>
                            update(i, {
                              options: q.options!.map((x, k) =>
                                k === j ? { ...x, labelZh: e.target.value } : x,
                              ),
                            })
                          }
                        />
                        <Input
                          aria-label={`${labels.option} ${j + 1} ${labels.labelEn}`}
                          value={o.labelEn}
                          onChange={(e) =>
                            update(i, {
                              options: q.options!.map((x, k) =>
                                k === j ? { ...x, labelEn: e.target.value } : x,
                              ),
                            })
                          }
                        />
                        <Button
                          type="button"
                          size="sm"
                          variant="secondary"
                          onClick={() => update(i, { options: q.options!.filter((_, k) => k !== j) })}
                        >
                          {labels.removeOption}
                        </Button>
                      </div>
                    ))}
                    <Button
                      type="button"
                      size="sm"
                      variant="secondary"
                      onClick={() =>
                        update(i, {
                          options: [
                            ...(q.options ?? []),
                            { key: `o${(q.options?.length ?? 0) + 1}`, labelZh: "", labelEn: "" },
                          ],
                        })
                      }
                    >
                      {labels.addOption}
                    </Button>
                  </fieldset>
                ) : null}
              </li>
            );
          })}
        </ol>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setQuestions((qs) => [
              ...qs,
              { key: nextKey(), type: "TEXT", required: false, labelZh: "", labelEn: "" },
            ])
          }
        >
          {labels.add}
        </Button>
      </fieldset>
      <SubmitButton>{labels.save}</SubmitButton>
    </ActionForm>
  );
}
