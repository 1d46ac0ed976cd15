"use client";

import { useCallback, useMemo, useReducer, useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { BoardColumnFrame } from "@/components/pipeline/board-column";
import { MoveToDialog } from "@/components/pipeline/board-dialogs";
import { BoardDragAndDrop, useDragStart } from "@/components/pipeline/board-drag";
import { afterPaint, keepFocus } from "@/components/pipeline/board-moves";
import { Toast } from "@/components/pipeline/board-toast";
import type { ActionState } from "@/lib/actions/types";
import type { DistributorCard } from "@/lib/data/distributors/board";
import { DISTRIBUTOR_STAGES, stageMoveRefusal, type DistributorStage } from "@/lib/domain/distributors";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import {
  initialRecruitment,
  recruitmentReducer,
  shownCards,
  type StageColumn,
  type StageColumns,
} from "./board-state";
import { DistributorCardView, type DistributorCardText } from "./distributor-card";

export type MoveDistributorAction = (input: {
  id: string;
  version: number;
  from: DistributorStage;
  to: DistributorStage;
  note?: string;
}) => Promise<ActionState<DistributorCard>>;

const CARD_ATTRIBUTE = "data-distributor-id";
const columnOf = (card: DistributorCard) => card.stage;
const titleOf = (card: DistributorCard) => card.name;

type Message = { tone: "info" | "error"; text: ReactNode; at: number };

/**
 * 招募看板: the distributors in six lifecycle columns, moved by mouse, touch and keyboard (the
 * pipeline board's drag-and-drop shell, column frame and "Move to…" dialog) with an optional
 * stage-change note. Moving into 已签约 is refused here with a link to a new agreement: signing
 * happens by signing one. A stale card (someone else moved it) answers a conflict and the board reloads.
 */
export function RecruitmentBoard({
  columns: initialColumns,
  canMove,
  canReopen,
  moveDistributor,
}: {
  columns: StageColumns;
  canMove: boolean;
  /** A manager may reopen a terminated distributor. */
  canReopen: boolean;
  moveDistributor: MoveDistributorAction;
}) {
  const t = useTranslations("distributors");
  const te = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const [source, setSource] = useState(initialColumns);
  const [state, dispatch] = useReducer(recruitmentReducer, initialColumns, initialRecruitment);
  if (source !== initialColumns) {
    setSource(initialColumns);
    dispatch({ type: "reset", columns: initialColumns });
  }
  const [message, setMessage] = useState<Message | null>(null);
  const [moveTo, setMoveTo] = useState<DistributorCard | null>(null);
  const say = useCallback((text: ReactNode, tone: Message["tone"] = "info") => {
    setMessage({ text, tone, at: Date.now() });
  }, []);

  const stageName = useCallback((stage: DistributorStage) => t(`stages.${stage}`), [t]);

  const send = useCallback(
    async (card: DistributorCard, to: DistributorStage, note?: string) => {
      dispatch({ type: "moveSent", card, to });
      await afterPaint();
      const answer = await moveDistributor({
        id: card.id,
        version: card.version,
        from: card.stage,
        to,
        note,
      }).catch((): ActionState<DistributorCard> => ({
        status: "error",
        code: "UNEXPECTED",
        message: te("UNEXPECTED"),
        at: Date.now(),
      }));
      if (answer.status === "ok" && answer.data) {
        dispatch({ type: "moveSaved", card: answer.data });
        say(t("board.moved", { title: card.name, column: stageName(to) }));
        return;
      }
      dispatch({ type: "moveRefused", card });
      if (answer.status !== "error") return;
      if (answer.code === "CONFLICT") {
        router.refresh();
        say(t("board.conflict", { title: card.name }), "error");
        return;
      }
      const detail = Object.values(answer.fieldErrors ?? {})
        .flat()
        .join(" ");
      say(t("board.failed", { title: card.name, message: detail || answer.message }), "error");
    },
    [moveDistributor, router, say, stageName, t, te],
  );

  /** A drop or a choice in "Move to…": true when the card moves at once. */
  const requestMove = useCallback(
    (card: DistributorCard, to: DistributorStage, note?: string): boolean => {
      if (card.stage === to) return false;
      const refusal = stageMoveRefusal(card.stage, to, { manager: canReopen });
      if (refusal === "signByAgreement") {
        say(
          <>
            {t("board.signRefused", { title: card.name })}{" "}
            <Link
              href={`/channel-agreements/new?distributor=${encodeURIComponent(card.id)}`}
              className="font-medium text-indigo-800 underline"
            >
              {t("board.newAgreement")}
            </Link>
          </>,
          "error",
        );
        return false;
      }
      if (refusal) {
        say(
          `${t("board.refused", { title: card.name, from: stageName(card.stage), to: stageName(to) })} ${t(`moves.refused.${refusal}`)}`,
          "error",
        );
        return false;
      }
      void send(card, to, note);
      return true;
    },
    [canReopen, say, send, stageName, t],
  );

  const text = useMemo<DistributorCardText>(
    () => ({
      handle: (title) => t("board.handle", { title }),
      roleDescription: t("board.roleDescription"),
      moveTo: t("board.moveTo"),
      moveToLabel: (title) => t("board.moveToLabel", { title }),
      daysInStage: (days) => t("board.daysInStage", { days }),
      saving: t("board.saving"),
      justMoved: t("board.justMoved"),
      owner: t("board.owner"),
      territoryLabel: t("fields.territory"),
      kind: (card) =>
        card.model ? `${t(`kinds.${card.kind}`)} · ${t(`models.${card.model}`)}` : t(`kinds.${card.kind}`),
      territory: (card) => (locale === "zh-CN" ? card.territory.name : card.territory.nameEn),
    }),
    [locale, t],
  );
  const overlay = useCallback(
    (card: DistributorCard) => <DistributorCardView card={card} text={text} overlay />,
    [text],
  );

  const columnViews = DISTRIBUTOR_STAGES.map((stage, i) => (
    <BoardColumnFrame
      key={stage}
      column={stage}
      idPrefix="recruitment"
      className="border-slate-200 bg-slate-100 lg:w-auto lg:min-w-40 lg:flex-1 lg:basis-0"
      heading={{
        number: String(i + 1),
        name: stageName(stage),
        note:
          state.columns[stage].count > state.columns[stage].cards.length
            ? t("board.showing", {
                shown: state.columns[stage].cards.length,
                count: state.columns[stage].count,
              })
            : null,
        totals: [{ label: "", value: t("board.count", { count: state.columns[stage].count }) }],
      }}
    >
      <StageCards
        column={state.columns[stage]}
        recentIds={state.recentIds}
        pendingIds={state.pendingIds}
        text={text}
        empty={t("board.empty")}
        onMoveTo={canMove ? setMoveTo : undefined}
      />
    </BoardColumnFrame>
  ));

  return (
    <div>
      {canMove ? (
        <BoardDragAndDrop
          overlay={overlay}
          columnName={stageName}
          onDrop={requestMove}
          columns={DISTRIBUTOR_STAGES}
          columnOf={columnOf}
          titleOf={titleOf}
          cardAttribute={CARD_ATTRIBUTE}
          namespace="distributors"
          idPrefix="recruitment"
          testId="recruitment-board"
        >
          {columnViews}
        </BoardDragAndDrop>
      ) : (
        <div
          className="-mx-3 flex gap-3 overflow-x-auto px-3 pb-3 sm:mx-0 sm:px-0 lg:gap-2"
          data-testid="recruitment-board"
        >
          {columnViews}
        </div>
      )}

      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex flex-col items-center gap-2 px-3">
        <div role="status" aria-live="polite" aria-label={t("board.status")}>
          {message?.tone === "info" ? (
            <Toast message={message} onDismiss={() => setMessage(null)} label={t("board.dismiss")} />
          ) : null}
        </div>
        <div role="alert">
          {message?.tone === "error" ? (
            <Toast message={message} onDismiss={() => setMessage(null)} label={t("board.dismiss")} />
          ) : null}
        </div>
      </div>

      {moveTo ? (
        <MoveToDialog<DistributorCard, DistributorStage>
          card={moveTo}
          current={moveTo.stage}
          columns={DISTRIBUTOR_STAGES.map((id, i) => ({
            id,
            label: `${i + 1} · ${stageName(id)}`,
            hint:
              id !== moveTo.stage && stageMoveRefusal(moveTo.stage, id, { manager: canReopen })
                ? id === "SIGNED"
                  ? t("board.newAgreement")
                  : t("board.notAllowed")
                : undefined,
          }))}
          noteLabel={t("board.note")}
          text={{
            title: t("board.moveDialogTitle", { title: moveTo.name }),
            intro: t("board.moveDialogIntro"),
            current: t("board.current"),
            cancel: t("board.cancel"),
          }}
          onChoose={(card, to, note) => {
            void afterPaint().then(() => {
              requestMove(card, to, note);
              keepFocus(card.id, 30, CARD_ATTRIBUTE);
            });
          }}
          onClose={() => setMoveTo(null)}
        />
      ) : null}
    </div>
  );
}

/** A column's cards, with this visit's moves on top. */
function StageCards({
  column,
  recentIds,
  pendingIds,
  text,
  empty,
  onMoveTo,
}: {
  column: StageColumn;
  recentIds: readonly string[];
  pendingIds: ReadonlySet<string>;
  text: DistributorCardText;
  empty: string;
  onMoveTo?: (card: DistributorCard) => void;
}) {
  const drag = useDragStart<DistributorCard>();
  const cards = shownCards(column, recentIds);
  if (!cards.length) return <p className="px-2 py-6 text-center text-xs text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-2">
      {cards.map((card) => (
        <DistributorCardView
          key={card.id}
          card={card}
          text={text}
          pending={pendingIds.has(card.id)}
          recent={recentIds.includes(card.id)}
          drag={onMoveTo ? drag : undefined}
          onMoveTo={onMoveTo}
        />
      ))}
    </ul>
  );
}
