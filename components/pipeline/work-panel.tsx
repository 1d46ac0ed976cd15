"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { WorkSavedContext } from "@/components/deals/work-saved";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState } from "@/lib/actions/types";
import {
  DEAL_STAGES,
  stageNumber,
  type DealStage,
  type DealStatus,
  type GateItem,
} from "@/lib/domain/pipeline";
import type { PipelineCard } from "./card-data";
import { closeDialog, Modal } from "./modal";

// The board's stage-work panel: a deal's stage work (the deal page's own forms, rendered by the
// server) beside the board, loaded again after every save so the gate is judged on the deal as it is.

export type GateStage = { stage: DealStage; items: { item: GateItem; met: boolean }[] };

export type StageWorkData = {
  version: number;
  stage: DealStage;
  status: DealStatus;
  /** The gate checklist of each stage shown. */
  checks: GateStage[];
  /** The stage-work forms, rendered on the server. */
  content: ReactNode;
};
export type LoadStageWorkAction = (input: {
  id: string;
  to?: DealStage | "WON";
}) => Promise<ActionState<StageWorkData>>;

export const allMet = (checks: readonly GateStage[]) => checks.every((s) => s.items.every((i) => i.met));

/**
 * Loads a deal's stage work (for a move to `to`, the stages it passes) and again after each save
 * in it; `saved` is true when the data on hand came from a reload after a save.
 */
export function useStageWork(load: LoadStageWorkAction, id: string, to?: DealStage) {
  const [state, setState] = useState<{ data: StageWorkData | null; failed: boolean; saved: boolean }>({
    data: null,
    failed: false,
    saved: false,
  });
  const [round, setRound] = useState(0);
  const afterSave = useRef(false);
  // The action's reference may be new after the page is refreshed (a save revalidates the board):
  // that is no reason to load again, and a second load would cancel the one after the save.
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let live = true;
    // A network failure (or a deploy's new action ids) throws: offer a retry.
    loadRef
      .current({ id, to })
      .catch(() => null)
      .then((answer) => {
        if (!live) return;
        // Consumed only by a load that lands, so a cancelled one leaves it to the next.
        const saved = afterSave.current;
        afterSave.current = false;
        if (answer?.status === "ok" && answer.data) setState({ data: answer.data, failed: false, saved });
        else setState((s) => ({ ...s, failed: true, saved: false }));
      });
    return () => {
      live = false;
    };
  }, [id, to, round]);
  const onSaved = useCallback(() => {
    afterSave.current = true;
    setRound((r) => r + 1);
  }, []);
  const retry = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, onSaved, retry };
}

export type ChecksText = {
  stage: (stage: string) => string;
  met: string;
  unmet: string;
  stageName: (stage: DealStage) => string;
  item: (item: GateItem) => string;
};

/** Gate checklists: each item met or not, in words as well as colour. */
export function GateChecks({ stages, text }: { stages: readonly GateStage[]; text: ChecksText }) {
  return stages.map((s) => (
    <section key={s.stage} className="mt-3" data-gate-stage={s.stage}>
      <h3 className="text-sm font-semibold text-slate-900">{text.stage(text.stageName(s.stage))}</h3>
      <ul className="mt-1 space-y-1">
        {s.items.map(({ item, met }) => (
          <li key={item} className="flex items-start gap-2 text-sm" data-met={met}>
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
  ));
}

export type WorkBodyText = { loading: string; failed: string; retry: string; moved: string };

/** The server's forms with the save signal wired, or where they are (loading, failed, moved on). */
export function StageWorkBody({
  work,
  card,
  text,
}: {
  work: ReturnType<typeof useStageWork>;
  card: PipelineCard;
  text: WorkBodyText;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // New forms replace the ones just saved: focus, if it went with them, stays in the panel.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.closest("dialog")?.focus();
  }, [work.data]);
  if (!work.data)
    return work.failed ? (
      <Alert tone="error" className="mt-4">
        {text.failed}{" "}
        <button type="button" onClick={work.retry} className="font-medium underline underline-offset-2">
          {text.retry}
        </button>
      </Alert>
    ) : (
      <p role="status" className="mt-4 text-sm text-slate-600">
        {text.loading}
      </p>
    );
  return (
    <div ref={ref} className="mt-4 space-y-3">
      {work.data.stage !== card.stage || work.data.status !== "OPEN" ? (
        <Alert tone="error">{text.moved}</Alert>
      ) : null}
      <WorkSavedContext value={work.onSaved}>{work.data.content}</WorkSavedContext>
    </div>
  );
}

export type WorkPanelText = ChecksText &
  WorkBodyText & {
    title: string;
    current: string;
    gateMet: string;
    advance: (stage: string) => string;
    dealPage: string;
    close: string;
  };

/**
 * A card's current stage work in a side panel (a sheet on phones): its gate, the forms, and once
 * the gate is met the move to the next stage. Focus goes back to the card's button on close.
 */
export function WorkPanel({
  card,
  load,
  text,
  onAdvance,
  onClose,
}: {
  card: PipelineCard;
  load: LoadStageWorkAction;
  text: WorkPanelText;
  /** Moves the card (at the version just loaded) to the next stage. */
  onAdvance: (card: PipelineCard, to: DealStage) => void;
  onClose: () => void;
}) {
  const work = useStageWork(load, card.id);
  const { data } = work;
  const next = DEAL_STAGES[stageNumber(card.stage)];
  const here = data && data.stage === card.stage && data.status === "OPEN";
  const ready = here && allMet(data.checks) && next;
  return (
    <Modal title={text.title} onClose={onClose} sheet>
      <p className="mt-1 text-sm text-slate-700">
        {card.accountName} · {text.current}
      </p>
      {data && here ? <GateChecks stages={data.checks} text={text} /> : null}
      {ready ? (
        // Pinned at the top of the panel: on a phone the save button is far below it.
        <div className="sticky top-0 z-10 mt-3 flex flex-wrap items-center gap-3 rounded-md bg-emerald-50 p-3 shadow-sm">
          <p className="flex-1 text-sm text-emerald-900">{text.gateMet}</p>
          <Button
            onClick={(e) => {
              closeDialog(e.currentTarget);
              onAdvance({ ...card, version: data.version, unmet: [] }, next);
            }}
          >
            {text.advance(text.stageName(next))}
          </Button>
        </div>
      ) : null}
      <StageWorkBody work={work} card={card} text={text} />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <Link
          href={`/deals/${card.id}`}
          className="font-medium text-indigo-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {text.dealPage}
        </Link>
        <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
          {text.close}
        </Button>
      </div>
    </Modal>
  );
}
