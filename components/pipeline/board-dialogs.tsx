"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Select, Textarea } from "@/components/ui/input";
import type { BoardColumn } from "@/lib/domain/pipeline";
import { closeDialog, Modal } from "./modal";

// The board's small dialogs: 丢单 with its reason, and "Move to…". (The gate's is gate-dialog.tsx.)

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

/**
 * "Move to…": the same moves as dragging, as a list of columns (keyboard and phone friendly). Any
 * board: a column may be marked as not possible from here (`hint` says why), and with `noteLabel`
 * the person may add a note that goes with the move.
 */
export function MoveToDialog<Card, Column extends string = BoardColumn>({
  card,
  current,
  columns,
  text,
  noteLabel,
  onChoose,
  onClose,
}: {
  card: Card;
  current: Column;
  columns: { id: Column; label: string; hint?: string }[];
  text: { title: string; intro: string; current: string; cancel: string };
  noteLabel?: string;
  onChoose: (card: Card, to: Column, note?: string) => void;
  onClose: () => void;
}) {
  const noteId = useId();
  const [note, setNote] = useState("");
  return (
    <Modal title={text.title} onClose={onClose}>
      <>
        <p className="mt-2 text-sm text-slate-700">{text.intro}</p>
        {noteLabel ? (
          <div className="mt-3">
            <label htmlFor={noteId} className="mb-1 block text-sm font-medium text-slate-800">
              {noteLabel}
            </label>
            <Textarea
              id={noteId}
              name="note"
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          </div>
        ) : null}
        <ul className="mt-3 grid gap-2">
          {columns.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                disabled={c.id === current}
                aria-current={c.id === current ? "true" : undefined}
                onClick={(e) => {
                  closeDialog(e.currentTarget);
                  onChoose(card, c.id, note.trim() || undefined);
                }}
                className={cn(
                  buttonClass("secondary"),
                  "w-full justify-between",
                  c.id === current && "bg-slate-100",
                )}
              >
                <span>{c.label}</span>
                {c.id === current ? (
                  <span className="text-xs text-slate-600">{text.current}</span>
                ) : c.hint ? (
                  <span className="text-xs text-slate-600">{c.hint}</span>
                ) : null}
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
