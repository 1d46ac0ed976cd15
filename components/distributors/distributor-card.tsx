"use client";

import { memo } from "react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { DragStart } from "@/components/pipeline/deal-card";
import type { DistributorCard } from "@/lib/data/distributors/board";

/** The card's texts, made once per board. */
export type DistributorCardText = {
  handle: (title: string) => string;
  roleDescription: string;
  moveTo: string;
  moveToLabel: (title: string) => string;
  daysInStage: (days: number) => string;
  saving: string;
  justMoved: string;
  owner: string;
  territoryLabel: string;
  kind: (card: DistributorCard) => string;
  territory: (card: DistributorCard) => string;
};

const ACTION_BUTTON =
  "inline-flex h-11 min-w-11 shrink-0 items-center justify-center rounded border border-slate-300 bg-white px-2 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-400 sm:h-7 sm:min-w-0 sm:px-1.5";

/** Six dots (the grip), as on the pipeline's cards. */
const GRIP = [3, 8, 13]
  .flatMap((y) => [2.5, 7.5].map((x) => `M${x - 1.4} ${y}a1.4 1.4 0 1 0 2.8 0a1.4 1.4 0 1 0 -2.8 0`))
  .join("");

/**
 * One distributor on the recruitment board. Started dragging through the board's shared shell
 * (components/pipeline/board-drag.tsx), which finds it by li[data-distributor-id].
 */
export const DistributorCardView = memo(function DistributorCardView({
  card,
  text,
  pending = false,
  recent = false,
  overlay = false,
  drag,
  onMoveTo,
}: {
  card: DistributorCard;
  text: DistributorCardText;
  pending?: boolean;
  recent?: boolean;
  overlay?: boolean;
  /** Absent for those who may not move distributors, and for the overlay. */
  drag?: DragStart<DistributorCard>;
  onMoveTo?: (card: DistributorCard) => void;
}) {
  const movable = !!drag && !pending;
  const Tag = overlay ? "div" : "li";
  return (
    <Tag
      onPointerDown={movable ? (e) => drag.pointerDown(e, card) : undefined}
      onTouchStart={movable ? (e) => drag.touchStart(e, card) : undefined}
      data-distributor-id={overlay ? undefined : card.id}
      aria-busy={pending || undefined}
      className={cn(
        "relative rounded-md border border-slate-200 bg-white p-2.5 text-sm select-none",
        recent && "ring-2 ring-indigo-300",
        "data-dragging:opacity-40",
        overlay && "w-64 rotate-1 cursor-grabbing shadow-lg ring-2 ring-indigo-500",
        pending && "opacity-70",
      )}
    >
      <div className="flex items-start gap-1.5">
        {drag ? (
          <button
            type="button"
            data-drag-handle
            onKeyDown={movable ? (e) => drag.keyDown(e, card) : undefined}
            aria-disabled={pending || undefined}
            aria-roledescription={text.roleDescription}
            aria-describedby={drag.describedBy}
            aria-label={text.handle(card.name)}
            className="-my-1 -ml-1.5 inline-flex h-11 w-11 shrink-0 cursor-grab items-center justify-center rounded text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:my-0 sm:mt-0.5 sm:-ml-1 sm:h-6 sm:w-5"
          >
            <svg aria-hidden="true" viewBox="0 0 10 16" className="h-4 w-2.5 fill-current">
              <path d={GRIP} />
            </svg>
          </button>
        ) : null}
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
            <span className="tabular-nums">{card.code}</span>
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{text.kind(card)}</span>
          </p>
          {overlay ? (
            <div className="mt-1 font-medium text-slate-900">{card.name}</div>
          ) : (
            <Link
              href={`/distributors/${card.id}`}
              prefetch={false}
              draggable={false}
              className="mt-1 flex min-h-11 items-center font-medium [overflow-wrap:anywhere] text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 sm:block sm:min-h-0"
            >
              {card.name}
            </Link>
          )}
        </div>
      </div>
      <dl className="mt-1 flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-slate-700">
        <div>
          <dt className="sr-only">{text.territoryLabel}</dt>
          <dd>{text.territory(card)}</dd>
        </div>
        <div className="flex min-w-0 gap-1">
          <dt className="sr-only">{text.owner}</dt>
          <dd className="truncate">{card.ownerName}</dd>
        </div>
      </dl>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs">
        <span className="text-slate-600">
          {pending ? text.saving : text.daysInStage(card.daysInStage)}
          {recent && !pending ? (
            <span className="ml-1.5 rounded bg-indigo-50 px-1.5 py-0.5 text-indigo-800">
              {text.justMoved}
            </span>
          ) : null}
        </span>
        {onMoveTo && !overlay ? (
          <button
            type="button"
            onClick={() => onMoveTo(card)}
            onPointerDown={(e) => e.stopPropagation()}
            disabled={pending}
            aria-label={text.moveToLabel(card.name)}
            className={ACTION_BUTTON}
          >
            {text.moveTo}
          </button>
        ) : null}
      </div>
    </Tag>
  );
});
