"use client";

import type { ActionState } from "@/lib/actions/types";
import {
  ActionForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";

type Labels = Record<
  | "kind"
  | "documentNo"
  | "documentNoHint"
  | "account"
  | "chooseAccount"
  | "month"
  | "monthHint"
  | "productLine"
  | "amount"
  | "amountHint"
  | "note"
  | "save"
  | "formTitle",
  string
> & { kinds: Record<"REVENUE" | "COLLECTION", string> };

export type LedgerLineValues = {
  kind?: string;
  documentNo?: string;
  accountId?: string;
  month?: string; // YYYY-MM
  productLine?: string;
  amount?: string; // yuan as typed
  note?: string;
};

/**
 * A ledger line typed by hand (new or edited). The account is picked from those in the viewer's
 * scope; the server checks it again. Product lines already in use are offered as suggestions.
 */
export function LedgerLineForm<T>({
  action,
  labels,
  accounts,
  productLines,
  values = {},
  record,
}: {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  labels: Labels;
  accounts: { id: string; name: string; tier: string }[];
  productLines: string[];
  values?: LedgerLineValues;
  /** The line being edited (id and the version the person saw). */
  record?: { id: string; version: number };
}) {
  return (
    <ActionForm action={action} aria-label={labels.formTitle} className="space-y-2">
      {record ? <RecordRef id={record.id} version={record.version} /> : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          name="kind"
          label={labels.kind}
          defaultValue={values.kind ?? "REVENUE"}
          options={(["REVENUE", "COLLECTION"] as const).map((k) => ({ value: k, label: labels.kinds[k] }))}
        />
        <TextField
          name="documentNo"
          label={labels.documentNo}
          hint={labels.documentNoHint}
          defaultValue={values.documentNo}
          autoComplete="off"
          maxLength={60}
          required
        />
        <SelectField
          name="accountId"
          label={labels.account}
          defaultValue={values.accountId}
          placeholder={labels.chooseAccount}
          options={accounts.map((a) => ({ value: a.id, label: `${a.name} · ${a.tier}` }))}
          required
        />
        <TextField
          name="month"
          type="month"
          label={labels.month}
          hint={labels.monthHint}
          defaultValue={values.month}
          min="2000-01"
          max="2100-12"
          required
        />
        <TextField
          name="productLine"
          label={labels.productLine}
          defaultValue={values.productLine}
          list="ledger-product-lines"
          autoComplete="off"
          maxLength={60}
          required
        />
        <datalist id="ledger-product-lines">
          {productLines.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <TextField
          name="amount"
          label={labels.amount}
          hint={labels.amountHint}
          defaultValue={values.amount}
          inputMode="decimal"
          autoComplete="off"
          required
        />
      </div>
      <TextAreaField name="note" label={labels.note} defaultValue={values.note} rows={2} maxLength={500} />
      <SubmitButton>{labels.save}</SubmitButton>
    </ActionForm>
  );
}
