"use client";

import { useId, useState, type FormEvent } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import type { DealStage, GateItem } from "@/lib/domain/pipeline";
import type { PipelineCard } from "./card-data";
import { closeDialog, Modal } from "./modal";

export type GateStage = { stage: DealStage; items: { item: GateItem; met: boolean }[] };

export type GateDialogText = {
  title: string;
  intro: string;
  stage: (stage: string) => string;
  met: string;
  unmet: string;
  complete: string;
  overrideLabel: string;
  overrideHint: string;
  overrideRequired: string;
  moveAnyway: string;
  noOverride: string;
  cancel: string;
  stageName: (stage: DealStage) => string;
  item: (item: GateItem) => string;
};

/**
 * The checklist of the gate(s) a move would pass, instead of moving the card: each item met or not
 * (in words, not only colour), a link to the stage work, and for managers an override with a reason.
 */
export function GateDialog({
  card,
  stages,
  canOverride,
  text,
  error,
  busy,
  onOverride,
  onClose,
}: {
  card: PipelineCard;
  stages: GateStage[];
  canOverride: boolean;
  text: GateDialogText;
  /** The server's answer to the last override attempt. */
  error: string | null;
  busy: boolean;
  onOverride: (reason: string) => void;
  onClose: () => void;
}) {
  const reasonId = useId();
  const [missing, setMissing] = useState(false);
  const firstUnmet = stages.find((s) => s.items.some((i) => !i.met))?.stage ?? card.stage;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get("overrideReason") ?? "").trim();
    setMissing(!reason);
    if (reason) onOverride(reason);
  };
  return (
    <Modal title={text.title} onClose={onClose}>
      <>
        <p className="mt-2 text-sm text-slate-700">{text.intro}</p>
        {stages.map((s) => (
          <section key={s.stage} className="mt-3">
            <h3 className="text-sm font-semibold text-slate-900">{text.stage(text.stageName(s.stage))}</h3>
            <ul className="mt-1 space-y-1">
              {s.items.map(({ item, met }) => (
                <li key={item} className="flex items-start gap-2 text-sm">
                  <span
                    className={cn(
                      "mt-0.5 inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold",
                      met ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900",
                    )}
                  >
                    <span aria-hidden="true">{met ? "✓" : "✗"}</span>
                    {met ? text.met : text.unmet}
                  </span>
                  <span className="text-slate-800">{text.item(item)}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p className="mt-4">
          <Link
            href={`/deals/${card.id}#stage-${firstUnmet}`}
            className="font-medium text-indigo-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {text.complete}
          </Link>
        </p>
        {canOverride ? (
          <form onSubmit={submit} noValidate className="mt-4 space-y-2 border-t border-slate-200 pt-4">
            {error ? <Alert tone="error">{error}</Alert> : null}
            <label htmlFor={reasonId} className="block text-sm font-medium text-slate-800">
              {text.overrideLabel}
            </label>
            <p id={`${reasonId}-hint`} className="text-xs text-slate-600">
              {text.overrideHint}
            </p>
            <Textarea
              id={reasonId}
              name="overrideReason"
              rows={3}
              maxLength={1000}
              required
              invalid={missing}
              aria-describedby={`${reasonId}-hint${missing ? ` ${reasonId}-error` : ""}`}
            />
            {missing ? (
              <p id={`${reasonId}-error`} className="text-sm text-red-800">
                {text.overrideRequired}
              </p>
            ) : null}
            <div className="flex flex-wrap justify-end gap-2 pt-2">
              <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
                {text.cancel}
              </Button>
              <Button type="submit" disabled={busy}>
                {text.moveAnyway}
              </Button>
            </div>
          </form>
        ) : (
          <>
            {error ? (
              <Alert tone="error" className="mt-3">
                {error}
              </Alert>
            ) : null}
            <p className="mt-3 text-sm text-slate-600">{text.noOverride}</p>
            <div className="mt-4 flex justify-end">
              <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
                {text.cancel}
              </Button>
            </div>
          </>
        )}
      </>
    </Modal>
  );
}
