"use client";

import { memo, useEffect, useMemo, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { BoardColumn, ColumnTotals } from "@/lib/domain/pipeline";
import { useDragStart } from "./board-drag";
import type { ColumnState } from "./board-state";
import type { PipelineCard } from "./card-data";
import { CardView, type CardText } from "./deal-card";
import type { BoardFormat } from "./format";

export type ColumnHeading = {
  number: string | null;
  name: string;
  /** "Closed in the last 90 days" on 赢单 / 丢单. */
  note: string | null;
  /** "12 deals · Value ¥3,450万 · Weighted ¥1,200万" */
  totals: { label: string; value: string }[];
};

export type MoreText = { more: (count: number) => string; loading: string; failed: string };

type ListProps = {
  state: ColumnState;
  /** Ids moved here in this visit, most recent first: shown on top, so a moved card stays in view. */
  recentIds: readonly string[];
  /** Cards of this column whose move is being saved. */
  pendingIds: readonly string[];
  text: CardText;
  fmt: BoardFormat;
  staleDays: number;
  emptyLabel: string;
  moreText: MoreText;
  onMore: (column: BoardColumn) => void;
  onMoveTo: (card: PipelineCard) => void;
  onWork: (card: PipelineCard) => void;
};

/**
 * The column's cards as loaded, and at the end a "show more" button that loads the next page from
 * the server when it scrolls into view (or is pressed). A team with 2,000 open deals then sends and
 * renders about eighty cards at first. Memoised: a move re-renders the two columns it changes.
 */
const CardList = memo(function CardList({
  column,
  state,
  recentIds,
  pendingIds,
  text,
  fmt,
  staleDays,
  emptyLabel,
  moreText,
  onMore,
  onMoveTo,
  onWork,
}: ListProps & { column: BoardColumn }) {
  const drag = useDragStart<PipelineCard>();
  const more = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const { cards } = state;
  // Pressing "show more" moves focus to the first card it brought (the button may be gone then).
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || state.loading) return;
    focusFrom.current = null;
    if (state.failed) return; // the button stays, with focus, saying it can be tried again
    const handles = list.current?.querySelectorAll<HTMLElement>("li[data-deal-id] [data-drag-handle]");
    handles?.[Math.min(from, handles.length - 1)]?.focus();
  }, [cards, state.loading, state.failed]);
  const recent = recentIds.length ? cards.filter((c) => recentIds.includes(c.id)) : [];
  recent.sort((a, b) => recentIds.indexOf(a.id) - recentIds.indexOf(b.id));
  const shown = recent.length ? [...recent, ...cards.filter((c) => !recentIds.includes(c.id))] : cards;

  // Load the next page as the button nears the end of the column's scroll area, unless the last
  // attempt failed (then the button waits to be pressed).
  const watch = state.more && !state.loading && !state.failed;
  useEffect(() => {
    const button = more.current;
    if (!watch || !button || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        // A keyboard user on the button keeps their place when the last page makes it go away.
        if (document.activeElement === button)
          focusFrom.current = list.current?.querySelectorAll("li[data-deal-id]").length ?? 0;
        onMore(column);
      },
      { root: button.closest("[data-column-scroll]"), rootMargin: "0px 0px 400px 0px" },
    );
    observer.observe(button);
    return () => observer.disconnect();
    // Observed again after each page, so a column that is still short loads the next one too.
  }, [watch, column, onMore, cards]);

  if (cards.length === 0 && !state.more)
    return <p className="px-2 py-6 text-center text-xs text-slate-600">{emptyLabel}</p>;
  return (
    <>
      <ul ref={list} className="space-y-2">
        {shown.map((card) => (
          <CardView
            key={card.id}
            card={card}
            text={text}
            fmt={fmt}
            staleDays={staleDays}
            pending={pendingIds.includes(card.id)}
            recent={recentIds.includes(card.id)}
            drag={card.status === "OPEN" ? drag : undefined}
            onMoveTo={onMoveTo}
            onWork={onWork}
          />
        ))}
      </ul>
      {state.more ? (
        <button
          ref={more}
          type="button"
          aria-busy={state.loading || undefined}
          onClick={() => {
            focusFrom.current = shown.length;
            onMore(column);
          }}
          className={cn(
            "mt-2 min-h-11 w-full rounded-md border border-dashed px-2 py-1.5 text-xs sm:min-h-0 font-medium hover:bg-white focus-visible:outline-2 focus-visible:outline-indigo-600",
            state.failed ? "border-red-400 text-red-800" : "border-slate-400 text-slate-700",
          )}
        >
          {state.loading
            ? moreText.loading
            : state.failed
              ? moreText.failed
              : moreText.more(Math.max(0, state.totals.count - cards.length))}
        </button>
      ) : null}
    </>
  );
});

/** One column of the board: its heading and totals, the drop target, and its cards. */
export const BoardColumnView = memo(function BoardColumnView({
  column,
  heading: headingOf,
  ...list
}: ListProps & {
  column: BoardColumn;
  heading: (column: BoardColumn, totals: ColumnTotals) => ColumnHeading;
}) {
  const { totals } = list.state;
  const heading = useMemo(() => headingOf(column, totals), [headingOf, column, totals]);
  const closed = column === "WON" || column === "LOST";
  return (
    <BoardColumnFrame
      column={column}
      heading={heading}
      idPrefix="pipeline"
      className={
        // From lg the five stages share the width (at least 10rem each) beside a narrow strip of
        // 赢单 over 丢单 (board.tsx), so all seven fit at 1280 px.
        closed
          ? "border-slate-200 bg-slate-50 lg:min-h-0 lg:w-auto lg:max-w-none lg:flex-1"
          : "border-slate-200 bg-slate-100 lg:w-auto lg:min-w-40 lg:flex-1 lg:basis-0"
      }
    >
      <CardList column={column} {...list} />
    </BoardColumnFrame>
  );
});

/**
 * A column's frame on any board (the pipeline's, the recruitment board's): the section the drag
 * and drop finds by `data-column` and marks while a card is over it, its heading and totals, and
 * the scrolling area holding its cards (`children`).
 */
export function BoardColumnFrame({
  column,
  heading,
  idPrefix,
  className,
  children,
}: {
  column: string;
  heading: ColumnHeading;
  idPrefix: string;
  className?: string;
  children: ReactNode;
}) {
  const headingId = `${idPrefix}-column-${column}`;
  return (
    <section
      aria-labelledby={headingId}
      data-column={column}
      className={cn(
        "flex w-[85vw] max-w-[19rem] shrink-0 snap-center flex-col rounded-lg border sm:w-72 sm:snap-start",
        className,
        // Marked by board-drag's DropTarget while a carried card is over the column.
        "data-over:border-indigo-500 data-over:ring-2 data-over:ring-indigo-400",
      )}
    >
      <header className="border-b border-slate-200 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          {heading.number ? (
            <span className="mr-1.5 inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-slate-700 px-1 text-xs text-white">
              {heading.number}
            </span>
          ) : null}
          {heading.name}
        </h2>
        {heading.note ? <p className="text-xs text-slate-600">{heading.note}</p> : null}
        <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-700">
          {heading.totals.map((t, i) => (
            <span key={i} className="whitespace-nowrap">
              {t.label ? <span className="text-slate-600">{t.label} </span> : null}
              <span className="font-semibold text-slate-900 tabular-nums">{t.value}</span>
            </span>
          ))}
        </p>
      </header>
      <div data-column-scroll className="max-h-[calc(100dvh-13rem)] min-h-24 overflow-y-auto p-2">
        {children}
      </div>
    </section>
  );
}
