"use client";

import { useCallback, useId, useState } from "react";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/forms/action-form";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatMessage, useLocale } from "@/lib/i18n/client";
import { bulkAccountsAction } from "../actions";

export type BulkLabels = {
  label: string;
  /** ICU template with {count}. */
  selected: string;
  selectHint: string;
  reassign: string;
  setTier: string;
  owner: string;
  chooseOwner: string;
  tier: string;
  chooseTier: string;
  reason: string;
  reasonHint: string;
  reassignSubmit: string;
  tierSubmit: string;
};

type Option = { value: string; label: string };

/** Reassign or re-tier the ticked accounts (managers and administrators). */
export function BulkActions({
  ids,
  onDone,
  owners,
  tiers,
  labels,
}: {
  ids: string[];
  onDone: () => void;
  owners: Option[];
  tiers: Option[];
  labels: BulkLabels;
}) {
  const locale = useLocale();
  const panelId = useId();
  const [open, setOpen] = useState<"reassign" | "tier" | null>(null);
  const done = useCallback(() => onDone(), [onDone]);
  const none = ids.length === 0;
  const hidden = ids.map((id) => <input key={id} type="hidden" name="ids" value={id} />);

  const toggle = (which: "reassign" | "tier") => (
    <button
      type="button"
      aria-expanded={open === which}
      aria-controls={`${panelId}-${which}`}
      onClick={() => setOpen(open === which ? null : which)}
      className={cn(buttonClass(open === which ? "primary" : "secondary", "sm"))}
    >
      {which === "reassign" ? labels.reassign : labels.setTier}
    </button>
  );

  return (
    <section aria-label={labels.label} className="min-w-0 flex-1 space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-medium text-slate-800" aria-live="polite">
          {formatMessage(labels.selected, { count: ids.length }, locale)}
        </p>
        {toggle("reassign")}
        {toggle("tier")}
      </div>
      {none && open ? <p className="text-sm text-slate-600">{labels.selectHint}</p> : null}
      <div id={`${panelId}-reassign`} hidden={open !== "reassign"}>
        <ActionForm
          action={bulkAccountsAction}
          onSuccess={done}
          aria-label={labels.reassign}
          className="max-w-xl space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
        >
          {hidden}
          <SelectField
            name="ownerId"
            label={labels.owner}
            options={owners}
            placeholder={labels.chooseOwner}
            required
          />
          <SubmitButton size="sm" disabled={none}>
            {labels.reassignSubmit}
          </SubmitButton>
        </ActionForm>
      </div>
      <div id={`${panelId}-tier`} hidden={open !== "tier"}>
        <ActionForm
          action={bulkAccountsAction}
          onSuccess={done}
          aria-label={labels.setTier}
          className="max-w-xl space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
        >
          {hidden}
          <SelectField
            name="tier"
            label={labels.tier}
            options={tiers}
            placeholder={labels.chooseTier}
            required
          />
          <TextField
            name="reason"
            label={labels.reason}
            hint={labels.reasonHint}
            required
            maxLength={500}
            autoComplete="off"
          />
          <SubmitButton size="sm" disabled={none}>
            {labels.tierSubmit}
          </SubmitButton>
        </ActionForm>
      </div>
    </section>
  );
}
