"use client";

import { useCallback, useState, type Dispatch } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/actions/types";
import { gatesPassed, stageNumber, type BoardColumn, type DealStage } from "@/lib/domain/pipeline";
import { useTranslations } from "@/lib/i18n/client";
import type { GateStage } from "./gate-dialog";
import type { BoardAction } from "./board-state";
import { columnOf, type PipelineCard } from "./card-data";

// The board's move flows: a drop (or "Move to…") decides what happens — the gate checklist, the lost
// dialog, the win form on the deal page, or the move itself, shown at once when the board knows its
// gate is met and checked by the server first when it does not — and every answer from the server
// ends the same way (settle): the server's card kept, or the card put back with the reason.

export type MoveInput = {
  id: string;
  version: number;
  /** The stage the card was in when it was picked up (the server refuses a move from elsewhere). */
  from?: DealStage;
  to: DealStage | "LOST";
  overrideReason?: string;
  lostReasonId?: string;
  note?: string;
};
/** The server's answer to a move: on a refusal at a gate, `gate` names the unmet items by id. */
export type MoveAnswer = ActionState<PipelineCard>;
export type MoveAction = (input: MoveInput) => Promise<MoveAnswer>;

export type BoardMessage = { tone: "info" | "error"; text: string; at: number };
export type GateState = {
  card: PipelineCard;
  to: DealStage;
  stages: GateStage[];
  error: string | null;
  busy: boolean;
};
export type LostState = { card: PipelineCard; error: string | null; busy: boolean };

/** How a move was asked for, which decides how its answer is shown. */
type Move = {
  card: PipelineCard;
  to: DealStage | "LOST";
  /** Shown in its new column before the server answered (put back if refused). */
  optimistic: boolean;
  /** The dialog it was sent from (which shows a refusal, or closes when the move is saved). */
  dialog: "gate" | "lost" | null;
};

/**
 * After a move re-homes a card (a new element in another column), focus would be lost: put it on
 * the card's handle, unless the person has moved on to something else. The board renders a move
 * as a transition, so the card may reach its new column a few frames later: look for it until then.
 * (`cardAttribute` names the card elements' id attribute: data-deal-id on the pipeline board.)
 */
export function keepFocus(id: string, frames = 30, cardAttribute = "data-deal-id") {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const closing = active?.closest("dialog");
    const leaving = active?.closest("[data-leaving]");
    const lost =
      !active || active === document.body || !active.isConnected || (closing && !closing.open) || leaving;
    if (!lost) return;
    const handle = document.querySelector<HTMLElement>(
      `li[${cardAttribute}="${CSS.escape(id)}"]:not([data-leaving]) [data-drag-handle]`,
    );
    if (handle) handle.focus();
    else if (frames > 0) keepFocus(id, frames - 1, cardAttribute);
  });
}

/**
 * Resolves after the next frame is painted: work that can wait does not hold up the frame that
 * answers a drop or a click. (Not a transition: React renders pending transitions together, so a
 * board update would wait for any server action in flight, a page being loaded, say.)
 */
export const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export function useBoardMoves({
  dispatch,
  moveDeal,
  columnName,
}: {
  dispatch: Dispatch<BoardAction>;
  moveDeal: MoveAction;
  columnName: (column: BoardColumn) => string;
}) {
  const router = useRouter();
  const t = useTranslations("pipeline");
  const tg = useTranslations("gate");
  const te = useTranslations("errors");
  const [message, setMessage] = useState<BoardMessage | null>(null);
  const [gate, setGate] = useState<GateState | null>(null);
  const [lost, setLost] = useState<LostState | null>(null);

  const say = useCallback((text: string, tone: BoardMessage["tone"] = "info") => {
    setMessage({ text, tone, at: Date.now() });
  }, []);

  /**
   * What the person reads when the server refused. Except for an unmet gate (the checklist says
   * why), a refusal means the board is out of date (someone else moved, closed or deleted the deal,
   * or it left the viewer's scope), so the board reloads to show what is true now.
   */
  const refusal = useCallback(
    (card: PipelineCard, answer: Extract<MoveAnswer, { status: "error" }>) => {
      const unsaved = answer.code === "DB_UNAVAILABLE" || answer.code === "UNAUTHENTICATED";
      if (!answer.gate && !unsaved && answer.code !== "UNEXPECTED") router.refresh();
      if (answer.code === "CONFLICT") return t("moves.conflict", { title: card.title });
      const detail = Object.values(answer.fieldErrors ?? {})
        .flat()
        .join(" ");
      return t("moves.failed", { title: card.title, message: detail || answer.message });
    },
    [router, t],
  );

  /** Sends a move and ends it: the one place every move's answer is handled. */
  const send = useCallback(
    async (move: Move, input: Omit<MoveInput, "id" | "version" | "to"> = {}) => {
      const { card, to, optimistic, dialog } = move;
      dispatch({ type: "moveSent", card, to: optimistic && to !== "LOST" ? to : undefined });
      // Sending (serialising the action, the router's bookkeeping) waits until the move is shown.
      await afterPaint();
      // A network failure (or an action id a deploy replaced) throws: the move did not happen.
      const answer: MoveAnswer = await moveDeal({
        id: card.id,
        version: card.version,
        from: card.stage,
        to,
        ...input,
      }).catch(() => ({ status: "error", code: "UNEXPECTED", message: te("UNEXPECTED"), at: Date.now() }));
      if (answer.status === "ok" && answer.data) {
        dispatch({ type: "moveSaved", card: answer.data });
        setGate(null);
        setLost(null);
        if (dialog) keepFocus(card.id);
        say(
          to === "LOST"
            ? t("moves.lost", { title: card.title })
            : t("moves.moved", { title: card.title, column: columnName(to) }),
        );
        return;
      }
      dispatch({ type: "moveRefused", card, optimistic });
      if (answer.status !== "error") return;
      const text = refusal(card, answer);
      if (answer.gate && to !== "LOST") {
        // The checklist of what is missing (the gate changed since the board loaded, or a skip).
        setGate({
          card,
          to,
          stages: gatesPassed(card.stage, to, answer.gate.unmet),
          error: dialog === "gate" ? text : null,
          busy: false,
        });
        if (optimistic) say(text, "error");
        else setMessage(null);
        return;
      }
      if (dialog && answer.code !== "CONFLICT") {
        if (dialog === "gate") setGate((g) => g && { ...g, busy: false, error: text });
        else setLost((l) => l && { ...l, busy: false, error: text });
        return;
      }
      setGate(null);
      setLost(null);
      say(text, "error");
    },
    [columnName, dispatch, moveDeal, refusal, say, t, te],
  );

  /**
   * A drop, or a choice in "Move to…": decide what happens. True when the card moves at once (it
   * is shown in its new column before the server answers).
   */
  const requestMove = useCallback(
    (card: PipelineCard, to: BoardColumn): boolean => {
      const from = columnOf(card);
      if (!from || from === to || card.status !== "OPEN") return false;
      if (to === "WON") {
        if (card.stage !== "CLOSING") {
          say(tg("errors.wonOnlyFromClosing"), "error");
          return false;
        }
        // The deal page owns the win: the cooperation agreement (合作协议) is filled in there.
        say(t("moves.toWin", { title: card.title }));
        router.push(`/deals/${card.id}?win=1`);
        return false;
      }
      if (to === "LOST") {
        setLost({ card, error: null, busy: false });
        return false;
      }
      const steps = stageNumber(to) - stageNumber(card.stage);
      if (steps === 1 && card.unmet.length) {
        // The board knows this gate: its checklist instead of a move.
        setGate({ card, to, stages: gatesPassed(card.stage, to, card.unmet), error: null, busy: false });
        return false;
      }
      if (steps <= 1) {
        void send({ card, to, optimistic: true, dialog: null });
        return true;
      }
      // A skip over several stages: only the server knows the later gates, so it answers first.
      say(t("moves.checking", { title: card.title }));
      void send({ card, to, optimistic: false, dialog: null });
      return false;
    },
    [router, say, send, t, tg],
  );

  const override = useCallback(
    (reason: string) => {
      if (!gate) return;
      setGate({ ...gate, busy: true, error: null });
      void send(
        { card: gate.card, to: gate.to, optimistic: false, dialog: "gate" },
        { overrideReason: reason },
      );
    },
    [gate, send],
  );

  /** The gate dialog's work met the gates (at `version`, saved just now): the move goes through. */
  const completeGate = useCallback(
    (version: number) => {
      if (!gate) return;
      setGate({ ...gate, busy: true, error: null });
      void send({ card: { ...gate.card, version }, to: gate.to, optimistic: false, dialog: "gate" });
    },
    [gate, send],
  );

  const markLost = useCallback(
    (input: { lostReasonId: string; note: string }) => {
      if (!lost) return;
      setLost({ ...lost, busy: true, error: null });
      void send(
        { card: lost.card, to: "LOST", optimistic: false, dialog: "lost" },
        { lostReasonId: input.lostReasonId, note: input.note || undefined },
      );
    },
    [lost, send],
  );

  return {
    requestMove,
    override,
    completeGate,
    markLost,
    gate,
    lost,
    message,
    closeGate: useCallback(() => setGate(null), []),
    closeLost: useCallback(() => setLost(null), []),
    dismiss: useCallback(() => setMessage(null), []),
  };
}
