"use client";

import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/types";
import {
  BOARD_COLUMNS,
  DEAL_STAGES,
  isStageColumn,
  stageNumber,
  type BoardColumn,
  type ColumnTotals,
  type DealStage,
  type GateItem,
} from "@/lib/domain/pipeline";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { BoardColumnView, type ColumnHeading, type MoreText } from "./board-column";
import { LostDialog, MoveToDialog } from "./board-dialogs";
import { GateDialog } from "./gate-dialog";
import { WorkPanel, type LoadStageWorkAction } from "./work-panel";
import { BoardDragAndDrop } from "./board-drag";
import { afterPaint, keepFocus, useBoardMoves, type MoveAction } from "./board-moves";
import { boardReducer, initialBoard, type BoardColumnPage } from "./board-state";
import { columnOf, type PipelineCard } from "./card-data";
import { CardView, type CardText } from "./deal-card";
import { boardFormat } from "./format";
import { Toast } from "./board-toast";

export type { BoardColumnPage } from "./board-state";

const OUTCOME_COLUMNS = ["WON", "LOST"] as const;
const cardTitle = (card: PipelineCard) => card.title;
export type { MoveAction, MoveAnswer, MoveInput } from "./board-moves";
export type { LoadStageWorkAction } from "./work-panel";
export type LoadColumnAction = (input: {
  query: string;
  column: BoardColumn;
  after: { value: number; id: string };
}) => Promise<ActionState<{ cards: PipelineCard[]; more: boolean }>>;

/** Card texts with a count are formatted once per value (plural rules are slow to build). */
function perValue<K>(format: (key: K) => string): (key: K) => string {
  const cache = new Map<K, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = format(key)));
    return text;
  };
}

/**
 * 开发看板: the deals in seven columns (five stages, 赢单, 丢单) with drag and drop by mouse, touch and
 * keyboard, and "Move to…" on every card. The board's state is a reducer (board-state.ts), its moves
 * a hook (board-moves.ts) and its drag and drop a shell (board-drag.tsx); this puts them together
 * with the texts, the dialogs and the messages.
 */
export function PipelineBoard({
  columns: initialColumns,
  filterQuery,
  staleDays,
  closedDays,
  canOverride,
  lostReasons,
  moveDeal,
  loadColumn,
  loadStageWork,
}: {
  columns: Record<BoardColumn, BoardColumnPage>;
  /** The board's filters as a query string: the next pages of a column are loaded with them. */
  filterQuery: string;
  staleDays: number;
  closedDays: number;
  canOverride: boolean;
  lostReasons: { id: string; label: string }[];
  moveDeal: MoveAction;
  loadColumn: LoadColumnAction;
  /** A deal's stage work for the side panel and the gate dialog (the deal page's forms). */
  loadStageWork: LoadStageWorkAction;
}) {
  const locale = useLocale();
  const t = useTranslations("pipeline");
  const tg = useTranslations("gate");
  const ta = useTranslations("account");
  const fmt = useMemo(() => boardFormat(locale), [locale]);

  // The server's cards, then the pages loaded and this visit's moves on top; a refresh
  // (router.refresh) or other filters start over.
  const [source, setSource] = useState(initialColumns);
  const [state, dispatch] = useReducer(boardReducer, initialColumns, initialBoard);
  if (source !== initialColumns) {
    setSource(initialColumns);
    dispatch({ type: "reset", pages: initialColumns });
  }
  const [moveTo, setMoveTo] = useState<PipelineCard | null>(null);
  const [work, setWork] = useState<PipelineCard | null>(null);

  const columnName = useCallback(
    (column: BoardColumn) => (isStageColumn(column) ? tg(`stages.${column}`) : tg(`columns.${column}`)),
    [tg],
  );
  const moves = useBoardMoves({ dispatch, moveDeal, columnName });
  const { requestMove } = moves;

  const text = useMemo<CardText>(
    () => ({
      handle: (title) => t("card.handle", { title }),
      roleDescription: t("card.roleDescription"),
      moveTo: t("card.moveTo"),
      moveToLabel: (title) => t("card.moveToLabel", { title }),
      work: t("work.open"),
      workLabel: (title) => t("work.openLabel", { title }),
      daysInStage: perValue((days) => t("card.daysInStage", { days })),
      stale: t("card.stale"),
      staleTitle: t("card.staleTitle", { limit: staleDays }),
      overdue: t("overdue.badge"),
      overdueTitle: (date) => t("overdue.title", { date }),
      gateOpen: perValue((count) => t("card.gateOpen", { count })),
      gateMet: t("card.gateMet"),
      closedOn: (date) => t("card.closedOn", { date }),
      saving: t("card.saving"),
      justMoved: t("card.justMoved"),
      owner: t("card.owner"),
      value: t("card.value"),
      tier: { A: ta("tiers.A"), B: ta("tiers.B"), C: ta("tiers.C") },
      gateItem: perValue((item) => tg(`items.${item}`)),
    }),
    [t, ta, tg, staleDays],
  );
  const moreText = useMemo<MoreText>(
    () => ({
      more: perValue((count: number) => t("columns.showMore", { count })),
      loading: t("columns.loading"),
      failed: t("columns.loadFailed"),
    }),
    [t],
  );

  /** A column's heading and totals; each column works out its own when its totals change. */
  const heading = useCallback(
    (column: BoardColumn, totals: ColumnTotals): ColumnHeading => {
      const closed = !isStageColumn(column);
      return {
        number: closed ? null : String(stageNumber(column)),
        name: columnName(column),
        note: closed ? t("columns.closedWindow", { days: closedDays }) : null,
        totals: [
          { label: "", value: t("columns.count", { count: totals.count }) },
          { label: t("columns.value"), value: fmt.money(totals.value) },
          ...(closed ? [] : [{ label: t("columns.weighted"), value: fmt.money(totals.weighted) }]),
        ],
      };
    },
    [columnName, closedDays, fmt, t],
  );

  // What loadMore reads without being re-created on every change (which would re-render every
  // column): the current columns and the page they came from.
  const latest = useRef({ columns: state.columns, source });
  useLayoutEffect(() => {
    latest.current = { columns: state.columns, source };
  });
  const loadMore = useCallback(
    async (column: BoardColumn) => {
      const { columns: now, source: from } = latest.current;
      const { more, loading, cursor } = now[column];
      if (!more || loading || !cursor) return;
      dispatch({ type: "pageRequested", column });
      // A network failure (or an action id a deploy replaced) throws: the button offers a retry.
      const result = await loadColumn({ query: filterQuery, column, after: cursor }).catch(() => null);
      // A refresh or other filters since the request: the board has started over, drop the page.
      if (latest.current.source !== from) return;
      if (result?.status === "ok" && result.data) dispatch({ type: "pageLoaded", column, page: result.data });
      else dispatch({ type: "pageFailed", column });
    },
    [filterQuery, loadColumn],
  );

  const moveToColumns = useMemo(
    () =>
      BOARD_COLUMNS.map((id) => ({
        id,
        label: isStageColumn(id) ? `${stageNumber(id)} · ${columnName(id)}` : columnName(id),
      })),
    [columnName],
  );
  const overlay = useCallback(
    (card: PipelineCard) => <CardView card={card} text={text} fmt={fmt} staleDays={staleDays} overlay />,
    [fmt, staleDays, text],
  );
  const { gate, lost, message } = moves;
  const checksText = useMemo(
    () => ({
      stage: (stage: string) => t("gate.stage", { stage }),
      met: t("gate.met"),
      unmet: t("gate.unmet"),
      stageName: (stage: DealStage) => tg(`stages.${stage}`),
      item: (item: GateItem) => tg(`items.${item}`),
      loading: t("work.loading"),
      failed: t("work.failed"),
      retry: t("work.retry"),
      moved: t("work.moved"),
    }),
    [t, tg],
  );

  const columnView = (column: BoardColumn) => (
    <BoardColumnView
      key={column}
      column={column}
      heading={heading}
      state={state.columns[column]}
      recentIds={state.marks[column].recent}
      pendingIds={state.marks[column].pending}
      text={text}
      fmt={fmt}
      staleDays={staleDays}
      emptyLabel={t("columns.empty")}
      moreText={moreText}
      onMore={loadMore}
      onMoveTo={setMoveTo}
      onWork={setWork}
    />
  );

  // One element: the page lays out its sections with margins, which must not reach the fixed
  // toast, backdrop and dialogs.
  return (
    <div>
      <BoardDragAndDrop
        overlay={overlay}
        columnName={columnName}
        onDrop={requestMove}
        columns={BOARD_COLUMNS}
        columnOf={columnOf}
        titleOf={cardTitle}
      >
        {DEAL_STAGES.map(columnView)}
        {/* 赢单 and 丢单 one above the other from lg, pinned at the right edge: drop targets always in view. */}
        <div className="contents lg:sticky lg:right-0 lg:z-10 lg:flex lg:w-32 lg:shrink-0 lg:flex-col lg:gap-2 lg:bg-white lg:shadow-[-6px_0_6px_-6px_rgb(15_23_42/0.25)]">
          {OUTCOME_COLUMNS.map(columnView)}
        </div>
      </BoardDragAndDrop>

      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex flex-col items-center gap-2 px-3">
        <div role="status" aria-live="polite" aria-label={t("moves.status")}>
          {message?.tone === "info" ? (
            <Toast message={message} onDismiss={moves.dismiss} label={t("moves.dismiss")} />
          ) : null}
        </div>
        <div role="alert">
          {message?.tone === "error" ? (
            <Toast message={message} onDismiss={moves.dismiss} label={t("moves.dismiss")} />
          ) : null}
        </div>
      </div>

      {moveTo ? (
        <MoveToDialog
          card={moveTo}
          current={columnOf(moveTo) ?? moveTo.stage}
          columns={moveToColumns}
          text={{
            title: t("moveTo.title", { title: moveTo.title }),
            intro: t("moveTo.intro"),
            current: t("moveTo.current"),
            cancel: t("moveTo.cancel"),
          }}
          onChoose={(card, to) => {
            // As after a drop: the dialog closes in this frame, the board answers after it.
            void afterPaint().then(() => {
              requestMove(card, to);
              keepFocus(card.id);
            });
          }}
          onClose={() => setMoveTo(null)}
        />
      ) : null}
      {work ? (
        <WorkPanel
          card={work}
          load={loadStageWork}
          onAdvance={(card, to) => {
            // As "Move to…": the panel closes in this frame, the board answers after it.
            void afterPaint().then(() => {
              requestMove(card, to);
              keepFocus(card.id);
            });
          }}
          onClose={() => setWork(null)}
          text={{
            ...checksText,
            title: t("work.title", { title: work.title }),
            current: t("work.current", { stage: tg(`stages.${work.stage}`) }),
            gateMet: t("work.gateMet"),
            advance: (stage) => t("work.advance", { stage }),
            dealPage: t("work.dealPage"),
            close: t("work.close"),
          }}
        />
      ) : null}
      {gate ? (
        <GateDialog
          card={gate.card}
          to={gate.to}
          stages={gate.stages}
          load={loadStageWork}
          onMet={moves.completeGate}
          canOverride={canOverride}
          error={gate.error}
          busy={gate.busy}
          onOverride={moves.override}
          onClose={moves.closeGate}
          text={{
            title: t("gate.title"),
            intro: t("gate.intro", { title: gate.card.title, column: columnName(gate.to) }),
            ...checksText,
            completeHere: t("gate.completeHere"),
            moveNow: t("gate.moveNow", { column: columnName(gate.to) }),
            complete: t("gate.complete"),
            overrideLabel: t("gate.overrideLabel"),
            overrideHint: t("gate.overrideHint"),
            overrideRequired: tg("errors.overrideReasonRequired"),
            moveAnyway: t("gate.moveAnyway"),
            noOverride: t("gate.noOverride"),
            cancel: t("gate.cancel"),
          }}
        />
      ) : null}
      {lost ? (
        <LostDialog
          reasons={lostReasons}
          error={lost.error}
          busy={lost.busy}
          onSubmit={moves.markLost}
          onClose={moves.closeLost}
          text={{
            title: t("lost.title"),
            intro: t("lost.intro", { title: lost.card.title }),
            reason: t("lost.reason"),
            choose: t("lost.choose"),
            reasonRequired: tg("errors.lostReasonRequired"),
            note: t("lost.note"),
            submit: t("lost.submit"),
            cancel: t("lost.cancel"),
          }}
        />
      ) : null}
    </div>
  );
}
