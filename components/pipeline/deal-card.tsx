"use client";

import { memo, useState, type KeyboardEvent, type PointerEvent, type TouchEvent } from "react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { GateItem } from "@/lib/domain/pipeline";
import type { PipelineCard } from "./card-data";
import type { BoardFormat } from "./format";

/**
 * Starting a drag from a card (see board.tsx: one dnd-kit draggable carries whichever card is
 * picked up, so the cards themselves hold no drag state and do not re-render during a drag).
 */
export type DragStart<Card = PipelineCard> = {
  pointerDown: (event: PointerEvent<HTMLElement>, card: Card) => void;
  touchStart: (event: TouchEvent<HTMLElement>, card: Card) => void;
  keyDown: (event: KeyboardEvent<HTMLElement>, card: Card) => void;
  /** The id of dnd-kit's hidden instructions (how to move a card with the keyboard). */
  describedBy: string;
};

/** The card's texts, made once per board (cards are many; templates are filled per card). */
export type CardText = {
  handle: (title: string) => string;
  roleDescription: string;
  moveTo: string;
  moveToLabel: (title: string) => string;
  work: string;
  workLabel: (title: string) => string;
  daysInStage: (days: number) => string;
  stale: string;
  staleTitle: string;
  overdue: string;
  overdueTitle: (date: string) => string;
  gateOpen: (count: number) => string;
  gateMet: string;
  closedOn: (date: string) => string;
  saving: string;
  justMoved: string;
  owner: string;
  value: string;
  tier: Record<PipelineCard["tier"], string>;
  gateItem: (item: GateItem) => string;
};

// As on the account list: distinct at a glance and each at least 4.5:1; the letter and the
// (screen-reader) name carry the meaning too.
const TIER_STYLES: Record<PipelineCard["tier"], string> = {
  A: "bg-indigo-700 text-white",
  B: "bg-sky-100 text-sky-900 ring-1 ring-inset ring-sky-300",
  C: "bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300",
};

/** A card's buttons: 44 px tall on phones (a thumb's target), compact from sm up. */
const ACTION_BUTTON =
  "inline-flex h-11 min-w-11 shrink-0 items-center justify-center rounded border border-slate-300 bg-white px-2 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-400 sm:h-7 sm:min-w-0 sm:px-1.5";

/** Six dots (the grip) as one path: one element per card instead of six. */
const GRIP = [3, 8, 13]
  .flatMap((y) => [2.5, 7.5].map((x) => `M${x - 1.4} ${y}a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0 -2.8 0`))
  .join("");

type CardViewProps = {
  card: PipelineCard;
  text: CardText;
  fmt: BoardFormat;
  staleDays: number;
  pending?: boolean;
  recent?: boolean;
  /** The copy under the pointer (no controls, no ids). */
  overlay?: boolean;
  /** Absent for closed deals (they do not move) and for the overlay. */
  drag?: DragStart;
  onMoveTo?: (card: PipelineCard) => void;
  /** Opens the card's stage work in the board's side panel. */
  onWork?: (card: PipelineCard) => void;
};

/**
 * One deal on the board: cheap to render and memoised, since a large team has thousands. While it
 * is carried, the board marks it through the DOM (data-dragging fades it; the handle is pressed).
 */
export const CardView = memo(function CardView({
  card,
  text,
  fmt,
  staleDays,
  pending = false,
  recent = false,
  overlay = false,
  drag,
  onMoveTo,
  onWork,
}: CardViewProps) {
  const open = card.status === "OPEN";
  const movable = open && !!drag && !pending;
  const stale = open && card.daysInStage > staleDays;
  // An overdue deal is marked on its edge like a stale one: both need attention now.
  const flagged = stale || card.overdue;
  const Tag = overlay ? "div" : "li";
  return (
    <Tag
      onPointerDown={movable ? (e) => drag.pointerDown(e, card) : undefined}
      onTouchStart={movable ? (e) => drag.touchStart(e, card) : undefined}
      data-deal-id={overlay ? undefined : card.id}
      aria-busy={pending || undefined}
      // Plain boxes on purpose: with content-visibility and a shadow on every card, the frame after
      // a drop took about a fifth longer at 4× CPU slowdown (tests/bench/board-inp.ts).
      className={cn(
        "relative rounded-md border bg-white p-2.5 text-sm select-none",
        flagged ? "border-l-4 border-amber-500 border-y-slate-200 border-r-slate-200" : "border-slate-200",
        recent && "ring-2 ring-indigo-300",
        "data-dragging:opacity-40",
        overlay && "w-64 rotate-1 cursor-grabbing shadow-lg ring-2 ring-indigo-500",
        pending && "opacity-70",
      )}
    >
      <div className="flex items-start gap-1.5">
        {open && drag ? (
          <button
            type="button"
            data-drag-handle
            onKeyDown={movable ? (e) => drag.keyDown(e, card) : undefined}
            aria-disabled={pending || undefined}
            aria-roledescription={text.roleDescription}
            aria-describedby={drag.describedBy}
            aria-label={text.handle(card.title)}
            className="-my-1 -ml-1.5 inline-flex h-11 w-11 shrink-0 cursor-grab sm:my-0 sm:-ml-1 sm:mt-0.5 sm:h-6 sm:w-5 items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <svg aria-hidden="true" viewBox="0 0 10 16" className="h-4 w-2.5 fill-current">
              <path d={GRIP} />
            </svg>
          </button>
        ) : null}
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1.5">
            <span
              className={cn(
                "inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded px-1 text-xs font-bold",
                TIER_STYLES[card.tier],
              )}
              title={text.tier[card.tier]}
            >
              <span aria-hidden="true">{card.tier}</span>
              <span className="sr-only">{text.tier[card.tier]}</span>
            </span>
            <span className="truncate text-xs font-medium text-slate-700" title={card.accountName}>
              {card.accountName}
            </span>
          </div>
          {overlay ? (
            <div className="mt-1 font-medium text-slate-900">{card.title}</div>
          ) : (
            <Link
              href={`/deals/${card.id}`}
              // Hundreds of cards: no viewport prefetching (each link would be watched and fetched).
              prefetch={false}
              draggable={false}
              className="mt-1 flex min-h-11 items-center font-medium [overflow-wrap:anywhere] text-indigo-800 underline-offset-2 sm:block sm:min-h-0 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {card.title}
            </Link>
          )}
        </div>
      </div>
      <dl className="mt-1 flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-slate-700">
        <div className="flex gap-1">
          <dt className="sr-only">{text.value}</dt>
          <dd className="font-semibold text-slate-900 tabular-nums" title={fmt.moneyFull(card.value)}>
            {fmt.money(card.value)}
          </dd>
        </div>
        <div className="flex min-w-0 gap-1">
          <dt className="sr-only">{text.owner}</dt>
          <dd className="truncate">{card.ownerName}</dd>
        </div>
      </dl>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs">
        <div className="flex min-w-0 flex-wrap items-center gap-1.5">
          {pending ? (
            <span className="text-slate-700">{text.saving}</span>
          ) : open ? (
            <>
              <span className={stale ? "font-medium text-amber-900" : "text-slate-600"}>
                {text.daysInStage(card.daysInStage)}
              </span>
              {stale ? (
                <span
                  className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900"
                  title={text.staleTitle}
                >
                  {text.stale}
                  <span className="sr-only"> ({text.staleTitle})</span>
                </span>
              ) : null}
              {card.overdue && card.expectedCloseDate ? (
                <span
                  data-overdue
                  className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900"
                  title={text.overdueTitle(fmt.dateFull(card.expectedCloseDate))}
                >
                  {text.overdue}
                  <span className="sr-only">
                    {" "}
                    ({text.overdueTitle(fmt.dateFull(card.expectedCloseDate))})
                  </span>
                </span>
              ) : null}
            </>
          ) : card.closedOn ? (
            <span className="text-slate-600">{text.closedOn(fmt.date(card.closedOn))}</span>
          ) : null}
          {recent && !pending ? (
            <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-800">{text.justMoved}</span>
          ) : null}
        </div>
        {onMoveTo && open && !overlay ? (
          <span className="flex shrink-0 gap-1">
            {onWork ? (
              <button
                type="button"
                data-stage-work
                onClick={() => onWork(card)}
                onPointerDown={(e) => e.stopPropagation()}
                disabled={pending}
                aria-label={text.workLabel(card.title)}
                className={ACTION_BUTTON}
              >
                {text.work}
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => onMoveTo(card)}
              onPointerDown={(e) => e.stopPropagation()}
              disabled={pending}
              aria-label={text.moveToLabel(card.title)}
              className={ACTION_BUTTON}
            >
              {text.moveTo}
            </button>
          </span>
        ) : null}
      </div>
      {open && !pending ? (
        card.unmet.length ? (
          overlay ? (
            <p className="mt-1 text-xs font-medium text-red-800">{text.gateOpen(card.unmet.length)}</p>
          ) : (
            <UnmetGate card={card} text={text} />
          )
        ) : (
          <p className="mt-1 text-xs text-emerald-800">
            <span aria-hidden="true">✓ </span>
            {text.gateMet}
          </p>
        )
      ) : null}
    </Tag>
  );
});

/**
 * The open gate items of a card, listed when the person opens them: most cards stay closed, and a
 * list per card would be most of a large board's elements (every one is styled and laid out again
 * when the board changes).
 */
function UnmetGate({ card, text }: { card: PipelineCard; text: CardText }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group mt-1 text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="inline-flex min-h-11 cursor-pointer sm:min-h-0 list-none items-center gap-1 rounded bg-red-50 px-1.5 py-0.5 font-medium text-red-800 ring-1 ring-inset ring-red-200 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="transition-transform group-open:rotate-90">
          ▸
        </span>
        {text.gateOpen(card.unmet.length)}
      </summary>
      {open ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-4 text-slate-700">
          {card.unmet.map((item) => (
            <li key={item}>{text.gateItem(item)}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
