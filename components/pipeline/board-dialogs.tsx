"use client";

import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select, Textarea } from "@/components/ui/input";
import type { BoardColumn, DealStage, GateItem } from "@/lib/domain/pipeline";
import type { PipelineCard } from "./card-data";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on <dialog>, opened with show() and made modal here: a backdrop over the page,
 * aria-modal, focus kept inside (Tab wraps), Escape closes, and focus goes back where it was.
 * Not showModal(): making the whole board inert and back costs a style pass over every element,
 * which on a 2,000-card board is most of the time between the drop and the checklist appearing.
 * Mounted only while open.
 */
function Modal({
  title,
  onClose,
  children,
  className,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.show();
    dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      // Back to where focus was, unless it has gone somewhere on purpose (another dialog, a card).
      const now = document.activeElement;
      const lost = !now || now === document.body || dialog.contains(now);
      if (lost && previous?.isConnected) previous.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.currentTarget.close();
      return;
    }
    if (e.key !== "Tab") return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <>
      <div aria-hidden="true" className="fixed inset-0 z-50 bg-slate-900/50" />
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        aria-modal="true"
        onClose={onClose}
        onKeyDown={onKeyDown}
        className={cn(
          "fixed inset-0 z-50 m-auto h-fit w-[min(34rem,calc(100vw-1.5rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl",
          className,
        )}
      >
        <div className="max-h-[85dvh] overflow-y-auto p-4 sm:p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      </dialog>
    </>
  );
}

/** Closes the <dialog> this button is in (its close event then unmounts it). */
const closeDialog = (from: HTMLElement) => from.closest("dialog")?.close();

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

export type LostDialogText = {
  title: string;
  intro: string;
  reason: string;
  choose: string;
  reasonRequired: string;
  note: string;
  submit: string;
  cancel: string;
};

/** 丢单: the reason from the managed list, and a note. */
export function LostDialog({
  reasons,
  text,
  error,
  busy,
  onSubmit,
  onClose,
}: {
  reasons: { id: string; label: string }[];
  text: LostDialogText;
  error: string | null;
  busy: boolean;
  onSubmit: (input: { lostReasonId: string; note: string }) => void;
  onClose: () => void;
}) {
  const reasonId = useId();
  const noteId = useId();
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const lostReasonId = String(data.get("lostReasonId") ?? "");
    setMissing(!lostReasonId);
    if (lostReasonId) onSubmit({ lostReasonId, note: String(data.get("note") ?? "").trim() });
  };
  return (
    <Modal title={text.title} onClose={onClose}>
      <form onSubmit={submit} noValidate className="mt-2 space-y-3">
        <p className="text-sm text-slate-700">{text.intro}</p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div>
          <label htmlFor={reasonId} className="mb-1 block text-sm font-medium text-slate-800">
            {text.reason}
          </label>
          <Select
            id={reasonId}
            name="lostReasonId"
            required
            defaultValue=""
            invalid={missing}
            aria-describedby={missing ? `${reasonId}-error` : undefined}
          >
            <option value="">{text.choose}</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
          {missing ? (
            <p id={`${reasonId}-error`} className="mt-1 text-sm text-red-800">
              {text.reasonRequired}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor={noteId} className="mb-1 block text-sm font-medium text-slate-800">
            {text.note}
          </label>
          <Textarea id={noteId} name="note" rows={3} maxLength={1000} />
        </div>
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
            {text.cancel}
          </Button>
          <Button type="submit" variant="danger" disabled={busy}>
            {text.submit}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

/** "Move to…": the same moves as dragging, as a list of columns (keyboard and phone friendly). */
export function MoveToDialog({
  card,
  current,
  columns,
  text,
  onChoose,
  onClose,
}: {
  card: PipelineCard;
  current: BoardColumn;
  columns: { id: BoardColumn; label: string }[];
  text: { title: string; intro: string; current: string; cancel: string };
  onChoose: (card: PipelineCard, to: BoardColumn) => void;
  onClose: () => void;
}) {
  return (
    <Modal title={text.title} onClose={onClose}>
      <>
        <p className="mt-2 text-sm text-slate-700">{text.intro}</p>
        <ul className="mt-3 grid gap-2">
          {columns.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                disabled={c.id === current}
                aria-current={c.id === current ? "true" : undefined}
                onClick={(e) => {
                  closeDialog(e.currentTarget);
                  onChoose(card, c.id);
                }}
                className={cn(
                  buttonClass("secondary"),
                  "w-full justify-between",
                  c.id === current && "bg-slate-100",
                )}
              >
                <span>{c.label}</span>
                {c.id === current ? <span className="text-xs text-slate-600">{text.current}</span> : null}
              </button>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
            {text.cancel}
          </Button>
        </div>
      </>
    </Modal>
  );
}
