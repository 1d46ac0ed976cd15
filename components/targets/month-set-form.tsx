"use client";

import { useRef, useState } from "react";
import { splitYear } from "@/lib/domain/kpi";
import { fenToYuanInput, moneyFormat, parseYuan } from "@/lib/domain/money";
import type { ActionState } from "@/lib/actions/types";
import {
  ActionForm,
  FieldMessage,
  SubmitButton,
  TextField,
  useFormState,
} from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/lib/i18n/client";

export type MonthSetTexts = {
  yearly: string;
  yearlyHint: string;
  splitEvenly: string;
  splitLastYear: string;
  noLastYear: string;
  yearlyInvalid: string;
  /** "Months add up to {total}" */
  monthsTotal: string;
  save: string;
  formLabel: string;
};

type Props<T> = {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  /** The set (subject, year, metric or team, year, category) and the version it was loaded at. */
  hidden: Record<string, string>;
  money: boolean;
  /** What each month's field starts with: yuan or a count, as typed. */
  initial: string[];
  /** Last year's actual figures (fen or counts, as text): the shape of "split by last year". */
  lastYear: string[];
  monthLabels: string[];
  texts: MonthSetTexts;
};

/** Reads a typed figure as fen (money) or a count; null when it does not read. */
function readFigure(text: string, money: boolean): bigint | null {
  const v = text.trim();
  if (!v) return 0n;
  if (money) {
    const r = parseYuan(v);
    return r.ok ? r.fen : null;
  }
  const digits = v.normalize("NFKC").replace(/[\s,_]/g, "");
  return /^\d{1,9}$/.test(digits) ? BigInt(digits) : null;
}

/** The months' sum, or null while one of them does not read. */
function sumOf(values: string[], money: boolean): bigint | null {
  let sum: bigint | null = 0n;
  for (const v of values) {
    const f = readFigure(v, money);
    sum = sum === null || f === null ? null : sum + f;
  }
  return sum;
}

/**
 * A year of twelve monthly figures: type the yearly figure, split it evenly or like last year,
 * adjust any month, save. The month fields stay ordinary (uncontrolled) inputs, so after a refused
 * save the form shows exactly what was typed and each month's own error.
 */
export function MonthSetForm<T>({ action, hidden, texts, ...fields }: Props<T>) {
  return (
    <ActionForm action={action} aria-label={texts.formLabel}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <MonthFields texts={texts} {...fields} />
    </ActionForm>
  );
}

/** Inside the form, so it re-mounts with it after a refused save and re-counts what was echoed. */
function MonthFields({
  money,
  initial,
  lastYear,
  monthLabels,
  texts,
}: Omit<Props<unknown>, "action" | "hidden">) {
  const locale = useLocale();
  const wrapper = useRef<HTMLDivElement>(null);
  const [yearly, setYearly] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const state = useFormState();
  // The fields hold what the record had, or what was typed before a refused save.
  const [total, setTotal] = useState<bigint | null>(() =>
    sumOf(
      initial.map((v, i) => {
        const echoed = state.status === "error" ? state.values?.[`m${i + 1}`] : undefined;
        return typeof echoed === "string" ? echoed : v;
      }),
      money,
    ),
  );
  const show = (v: bigint) =>
    money ? moneyFormat(locale).full(Number(v) / 100) : new Intl.NumberFormat(locale).format(Number(v));

  const monthInputs = () =>
    Array.from(
      { length: 12 },
      (_, i) => wrapper.current?.querySelector<HTMLInputElement>(`input[name="m${i + 1}"]`) ?? null,
    );

  const recount = () =>
    setTotal(
      sumOf(
        monthInputs().map((input) => input?.value ?? ""),
        money,
      ),
    );

  function split(byLastYear: boolean) {
    const figure = readFigure(yearly, money);
    if (figure === null || !yearly.trim()) {
      setNote(texts.yearlyInvalid);
      return;
    }
    const shape = lastYear.map((v) => BigInt(v));
    const usable = byLastYear && shape.some((v) => v > 0n);
    setNote(byLastYear && !usable ? texts.noLastYear : null);
    const parts = splitYear(figure, usable ? shape : undefined);
    monthInputs().forEach((input, i) => {
      if (input) input.value = money ? fenToYuanInput(parts[i]) : String(parts[i]);
    });
    recount();
  }

  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,16rem)_auto] sm:items-end">
        <div>
          <label htmlFor="set-yearly" className="mb-1 block text-sm font-medium text-slate-800">
            {texts.yearly}
          </label>
          <Input
            id="set-yearly"
            inputMode={money ? "decimal" : "numeric"}
            value={yearly}
            onChange={(e) => setYearly(e.target.value)}
            aria-describedby="set-yearly-hint set-yearly-note"
            autoComplete="off"
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => split(false)}>
            {texts.splitEvenly}
          </Button>
          <Button variant="secondary" onClick={() => split(true)}>
            {texts.splitLastYear}
          </Button>
        </div>
      </div>
      <p id="set-yearly-hint" className="text-xs text-slate-600">
        {texts.yearlyHint}
      </p>
      <div aria-live="polite">
        <FieldMessage id="set-yearly-note" tone="info">
          {note}
        </FieldMessage>
      </div>
      <div ref={wrapper} onInput={recount} className="grid grid-cols-2 gap-x-3 sm:grid-cols-3 lg:grid-cols-4">
        {monthLabels.map((label, i) => (
          <TextField
            key={label}
            name={`m${i + 1}`}
            label={label}
            defaultValue={initial[i] ?? ""}
            inputMode={money ? "decimal" : "numeric"}
            autoComplete="off"
          />
        ))}
      </div>
      <p className="text-sm font-medium text-slate-800" aria-live="polite" data-testid="months-total">
        {total === null ? "" : texts.monthsTotal.replace("{total}", show(total))}
      </p>
      <SubmitButton>{texts.save}</SubmitButton>
    </>
  );
}
