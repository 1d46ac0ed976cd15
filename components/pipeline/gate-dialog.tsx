"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import type { DealStage } from "@/lib/domain/pipeline";
import type { PipelineCard } from "./card-data";
import { closeDialog, Modal } from "./modal";
import {
  allMet,
  GateChecks,
  StageWorkBody,
  useStageWork,
  type ChecksText,
  type GateStage,
  type LoadStageWorkAction,
  type WorkBodyText,
} from "./work-panel";

export type { GateStage } from "./work-panel";

export type GateDialogText = ChecksText &
  WorkBodyText & {
    title: string;
    intro: string;
    completeHere: string;
    moveNow: string;
    complete: string;
    overrideLabel: string;
    overrideHint: string;
    overrideRequired: string;
    moveAnyway: string;
    noOverride: string;
    cancel: string;
  };

/**
 * The checklist of the gate(s) a move would pass, instead of moving the card: each item met or not
 * (in words, not only colour), the missing work to do right here (the deal page's forms, loaded
 * from the server), the move made as soon as a save meets the gates, and for managers an override
 * with a reason.
 */
export function GateDialog({
  card,
  to,
  stages,
  canOverride,
  text,
  error,
  busy,
  load,
  onMet,
  onOverride,
  onClose,
}: {
  card: PipelineCard;
  to: DealStage;
  stages: GateStage[];
  canOverride: boolean;
  text: GateDialogText;
  /** The server's answer to the last override attempt. */
  error: string | null;
  busy: boolean;
  load: LoadStageWorkAction;
  /** The gates are met now (at this version): make the move. */
  onMet: (version: number) => void;
  onOverride: (reason: string) => void;
  onClose: () => void;
}) {
  const reasonId = useId();
  const [missing, setMissing] = useState(false);
  const work = useStageWork(load, card.id, to);
  const here = work.data && work.data.stage === card.stage && work.data.status === "OPEN";
  // The gates as loaded just now once they are; until then as the board or the refusal knew them.
  const checks = here ? work.data!.checks : stages;
  const met = here && allMet(checks);
  const firstUnmet = checks.find((s) => s.items.some((i) => !i.met))?.stage ?? card.stage;
  // A save that meets the gates makes the move the person asked for by dropping the card.
  const { data, saved } = work;
  // Once per version: a refusal (someone else changed the deal meanwhile) is not retried in a loop.
  const tried = useRef<number | null>(null);
  useEffect(() => {
    if (!data || !saved || busy || tried.current === data.version) return;
    if (data.stage !== card.stage || data.status !== "OPEN" || !allMet(data.checks)) return;
    tried.current = data.version;
    onMet(data.version);
  }, [data, saved, busy, card.stage, onMet]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get("overrideReason") ?? "").trim();
    setMissing(!reason);
    if (reason) onOverride(reason);
  };
  return (
    <Modal title={text.title} onClose={onClose} sheet>
      <>
        <p className="mt-2 text-sm text-slate-700">{text.intro}</p>
        <GateChecks stages={checks} text={text} />
        {met ? (
          <div className="mt-3 flex justify-end">
            <Button disabled={busy} onClick={() => onMet(work.data!.version)}>
              {text.moveNow}
            </Button>
          </div>
        ) : (
          <p className="mt-3 text-sm font-medium text-slate-800">{text.completeHere}</p>
        )}
        {error ? (
          <Alert tone="error" className="mt-3">
            {error}
          </Alert>
        ) : null}
        <StageWorkBody work={work} card={card} text={text} />
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
