"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useRouter } from "next/navigation";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  TouchSensor,
  useSensor,
  useDndMonitor,
  useDraggable,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import type { ActionState } from "@/lib/actions/types";
import {
  adjustTotals,
  BOARD_COLUMNS,
  GATE_ITEMS,
  gatesPassed,
  isStageColumn,
  stageNumber,
  type BoardColumn,
  type ColumnTotals,
  type DealStage,
  type GateItem,
  type GateRefusal,
} from "@/lib/domain/pipeline";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { cn } from "@/components/ui/cn";
import { BoardColumnView, type ColumnHeading, type ColumnState, type MoreText } from "./board-column";
import { columnCollision, columnCoordinates, MouseAndPenSensor } from "./board-dnd";
import { GateDialog, LostDialog, MoveToDialog, type GateStage } from "./board-dialogs";
import { cardOrder, columnOf, isBoardColumn, type PipelineCard } from "./card-data";
import { CardView, type CardText, type DragStart } from "./deal-card";
import { boardFormat, type BoardFormat } from "./format";

export type MoveInput = {
  id: string;
  version: number;
  to: DealStage | "LOST";
  overrideReason?: string;
  lostReasonId?: string;
  note?: string;
};
/** The server's answer to a move: on a refusal at a gate, `gate` names the unmet items by id. */
export type MoveAnswer = ActionState<PipelineCard> & { gate?: GateRefusal };
export type MoveAction = (input: MoveInput) => Promise<MoveAnswer>;
export type LoadColumnAction = (input: {
  query: string;
  column: BoardColumn;
  after: { value: number; id: string };
}) => Promise<ActionState<{ cards: PipelineCard[]; more: boolean }>>;

/** A column as the page sends it: its first cards, the totals of all its deals, more to load or not. */
export type BoardColumnPage = { cards: PipelineCard[]; totals: ColumnTotals; more: boolean };
type Columns = Record<BoardColumn, ColumnState>;

const CARRIER_ID = "pipeline-carried-deal";
const NONE: readonly string[] = [];
const DND_INSTRUCTIONS_ID = "pipeline-drag-instructions";

// Sensor options live outside the component: new objects on each render would give every card new
// drag listeners, and every memoised card would render again whenever the board does.
/** A few pixels of movement before a drag starts, so a click still opens the deal. */
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
/** Press and hold to drag on a phone; a quick swipe scrolls. */
const TOUCH_OPTIONS = { activationConstraint: { delay: 200, tolerance: 8 } };
const KEYBOARD_OPTIONS = { coordinateGetter: columnCoordinates, scrollBehavior: "instant" as const };

/** Card texts with a count are formatted once per value (plural rules are slow to build). */
function perValue<K>(format: (key: K) => string): (key: K) => string {
  const cache = new Map<K, string>();
  return (key) => {
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = format(key)));
    return text;
  };
}

function columnsFrom(pages: Record<BoardColumn, BoardColumnPage>): Columns {
  const out = {} as Columns;
  for (const column of BOARD_COLUMNS) {
    const { cards, totals, more } = pages[column];
    const last = cards.at(-1);
    out[column] = {
      cards,
      totals,
      more,
      cursor: last ? { value: last.value, id: last.id } : null,
      loading: false,
      failed: false,
    };
  }
  return out;
}

const valued = (card: PipelineCard) => ({
  stage: card.stage,
  closeProbability: card.closeProbability,
  expectedValue: card.value,
});

/**
 * The columns with `card` taken out wherever it is and put (as given) where it now belongs, in the
 * board's order, with both columns' totals adjusted. Only the columns that change get new objects
 * (the others keep their memoised cards).
 */
function place(columns: Columns, card: PipelineCard): Columns {
  const next = { ...columns };
  for (const column of BOARD_COLUMNS) {
    const state = next[column];
    const at = state.cards.findIndex((c) => c.id === card.id);
    if (at >= 0)
      next[column] = {
        ...state,
        cards: state.cards.toSpliced(at, 1),
        totals: adjustTotals(state.totals, valued(state.cards[at]!), -1),
      };
  }
  const target = columnOf(card);
  if (target) {
    const state = next[target];
    const list = state.cards;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cardOrder(list[mid]!, card) < 0) lo = mid + 1;
      else hi = mid;
    }
    next[target] = {
      ...state,
      cards: list.toSpliced(lo, 0, card),
      totals: adjustTotals(state.totals, valued(card), 1),
    };
  }
  return next;
}

/** A column with the server's next page added (less any card the board already shows elsewhere). */
function withPage(columns: Columns, column: BoardColumn, page: { cards: PipelineCard[]; more: boolean }) {
  const shown = new Set(BOARD_COLUMNS.flatMap((c) => columns[c].cards.map((card) => card.id)));
  const state = columns[column];
  const last = page.cards.at(-1);
  return {
    ...columns,
    [column]: {
      ...state,
      cards: [...state.cards, ...page.cards.filter((c) => !shown.has(c.id))].sort(cardOrder),
      more: page.more,
      cursor: last ? { value: last.value, id: last.id } : state.cursor,
      loading: false,
      failed: false,
    },
  };
}

type Message = { tone: "info" | "error"; text: string; at: number };
type GateState = {
  card: PipelineCard;
  to: DealStage;
  stages: GateStage[];
  error: string | null;
  busy: boolean;
};
type LostState = { card: PipelineCard; error: string | null; busy: boolean };

/**
 * 开发看板: the deals in seven columns (five stages, 赢单, 丢单) with drag and drop by mouse, touch and
 * keyboard, and "Move to…" on every card. A move that passes its gate shows at once and is confirmed
 * by the server (or rolled back with the reason); one that does not opens the gate checklist instead.
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
}) {
  const router = useRouter();
  const locale = useLocale();
  const t = useTranslations("pipeline");
  const tg = useTranslations("gate");
  const ta = useTranslations("account");
  const fmt = useMemo(() => boardFormat(locale), [locale]);

  // The server's cards, then the pages loaded and this visit's moves on top; a refresh
  // (router.refresh) starts over.
  const [source, setSource] = useState(initialColumns);
  const [columns, setColumns] = useState(() => columnsFrom(initialColumns));
  const [recentIds, setRecentIds] = useState<string[]>([]);
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(() => new Set());
  if (source !== initialColumns) {
    setSource(initialColumns);
    setColumns(columnsFrom(initialColumns));
    setRecentIds([]);
    setPendingIds(new Set());
  }
  const [message, setMessage] = useState<Message | null>(null);
  // While a card is carried the board does not re-render (a drag must stay cheap): the overlay
  // follows the drag by itself (CarriedCard), and the container is marked through the DOM.
  const boardRef = useRef<HTMLDivElement>(null);
  const [moveTo, setMoveTo] = useState<PipelineCard | null>(null);
  const [gate, setGate] = useState<GateState | null>(null);
  const [lost, setLost] = useState<LostState | null>(null);

  const columnName = useCallback(
    (column: BoardColumn) => (isStageColumn(column) ? tg(`stages.${column}`) : tg(`columns.${column}`)),
    [tg],
  );
  const say = useCallback((text: string, tone: Message["tone"] = "info") => {
    setMessage({ text, tone, at: Date.now() });
  }, []);

  const text = useMemo<CardText>(
    () => ({
      handle: (title) => t("card.handle", { title }),
      roleDescription: t("card.roleDescription"),
      moveTo: t("card.moveTo"),
      moveToLabel: (title) => t("card.moveToLabel", { title }),
      daysInStage: perValue((days) => t("card.daysInStage", { days })),
      stale: t("card.stale"),
      staleTitle: t("card.staleTitle", { limit: staleDays }),
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

  // Moved and saving cards, per column: a column whose cards did not change keeps the same props
  // (and does not re-render) when a card moves elsewhere.
  const marks = useMemo(() => {
    const out = {} as Record<BoardColumn, { recent: readonly string[]; pending: readonly string[] }>;
    for (const column of BOARD_COLUMNS) {
      const here = (id: string) => columns[column].cards.some((c) => c.id === id);
      const recent = recentIds.filter(here);
      const pending = [...pendingIds].filter(here);
      out[column] = { recent: recent.length ? recent : NONE, pending: pending.length ? pending : NONE };
    }
    return out;
  }, [columns, recentIds, pendingIds]);

  // ── Pages ──────────────────────────────────────────────────────────────────────────────────────

  // What loadMore reads without being re-created on every change (which would re-render every
  // column): the current columns, the page they came from, and the columns being loaded.
  const latest = useRef({ columns, source });
  useLayoutEffect(() => {
    latest.current = { columns, source };
  });
  const loadMore = useCallback(
    async (column: BoardColumn) => {
      const { columns: now, source: from } = latest.current;
      const state = now[column];
      if (!state.more || state.loading || !state.cursor) return;
      setColumns((prev) => ({ ...prev, [column]: { ...prev[column], loading: true, failed: false } }));
      // A network failure (or an action id a deploy replaced) throws: the button offers a retry.
      const result = await loadColumn({ query: filterQuery, column, after: state.cursor }).catch(() => null);
      // A refresh or other filters since the request: the board has started over, drop the page.
      if (latest.current.source !== from) return;
      if (result?.status === "ok" && result.data) {
        const page = result.data;
        setColumns((prev) => withPage(prev, column, page));
      } else {
        setColumns((prev) => ({ ...prev, [column]: { ...prev[column], loading: false, failed: true } }));
      }
    },
    [filterQuery, loadColumn],
  );

  // ── Moves ──────────────────────────────────────────────────────────────────────────────────────

  const setPending = useCallback((id: string, on: boolean) => {
    setPendingIds((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const markRecent = useCallback((id: string) => {
    setRecentIds((prev) => [id, ...prev.filter((x) => x !== id)]);
  }, []);

  /**
   * What the person reads when the server refused. Except for an unmet gate (the checklist says
   * why), a refusal means the board is out of date (someone else moved, closed or deleted the deal,
   * or it left the viewer's scope), so the board reloads to show what is true now.
   */
  const refusal = useCallback(
    (card: PipelineCard, result: Extract<MoveAnswer, { status: "error" }>) => {
      const gateAnswer = !!result.gate;
      const unsaved = result.code === "DB_UNAVAILABLE" || result.code === "UNAUTHENTICATED";
      if (!gateAnswer && !unsaved && result.code !== "UNEXPECTED") router.refresh();
      if (result.code === "CONFLICT") return t("moves.conflict", { title: card.title });
      const detail = Object.values(result.fieldErrors ?? {})
        .flat()
        .join(" ");
      return t("moves.failed", { title: card.title, message: detail || result.message });
    },
    [router, t],
  );

  /** Shows the move at once, then keeps the server's card or puts the old one back. */
  const moveOptimistically = useCallback(
    async (card: PipelineCard, to: DealStage) => {
      const from = columnOf(card);
      setColumns((prev) => place(prev, { ...card, stage: to, daysInStage: 0, unmet: [] }));
      setPending(card.id, true);
      markRecent(card.id);
      const result = await moveDeal({ id: card.id, version: card.version, to });
      setPending(card.id, false);
      if (result.status === "ok" && result.data) {
        const saved = result.data;
        setColumns((prev) => place(prev, saved));
        say(t("moves.moved", { title: card.title, column: columnName(to) }));
        return;
      }
      setColumns((prev) => place(prev, card));
      setRecentIds((prev) => prev.filter((id) => id !== card.id));
      if (result.status === "error") {
        if (result.gate && from && isStageColumn(from)) {
          // The gate changed since the board loaded (someone edited the deal): show what is missing.
          setGate({
            card,
            to,
            stages: gatesPassed(card.stage, to, result.gate.unmet),
            error: null,
            busy: false,
          });
        }
        say(refusal(card, result), "error");
      }
    },
    [columnName, markRecent, moveDeal, refusal, say, setPending, t],
  );

  /** A skip over several stages: only the server knows the later gates, so it answers first. */
  const moveAfterCheck = useCallback(
    async (card: PipelineCard, to: DealStage) => {
      setPending(card.id, true);
      say(t("moves.checking", { title: card.title }));
      const result = await moveDeal({ id: card.id, version: card.version, to });
      setPending(card.id, false);
      if (result.status === "ok" && result.data) {
        const saved = result.data;
        setColumns((prev) => place(prev, saved));
        markRecent(card.id);
        say(t("moves.moved", { title: card.title, column: columnName(to) }));
      } else if (result.status === "error") {
        if (result.gate) {
          setMessage(null);
          setGate({
            card,
            to,
            stages: gatesPassed(card.stage, to, result.gate.unmet),
            error: null,
            busy: false,
          });
        } else {
          say(refusal(card, result), "error");
        }
      }
    },
    [columnName, markRecent, moveDeal, refusal, say, setPending, t],
  );

  /** A drop, or a choice in "Move to…": decide what happens. */
  const requestMove = useCallback(
    (card: PipelineCard, to: BoardColumn) => {
      const from = columnOf(card);
      if (!from || from === to || card.status !== "OPEN") return;
      if (to === "WON") {
        if (card.stage !== "CLOSING") {
          say(tg("errors.wonOnlyFromClosing"), "error");
          return;
        }
        // The deal page owns the win: the cooperation agreement (合作协议) is filled in there.
        say(t("moves.toWin", { title: card.title }));
        router.push(`/deals/${card.id}?win=1`);
        return;
      }
      if (to === "LOST") {
        setLost({ card, error: null, busy: false });
        return;
      }
      const steps = stageNumber(to) - stageNumber(card.stage);
      if (steps < 0) void moveOptimistically(card, to);
      else if (steps === 1 && card.unmet.length)
        setGate({
          card,
          to,
          stages: [
            {
              stage: card.stage,
              items: GATE_ITEMS[card.stage].map((item: GateItem) => ({
                item,
                met: !card.unmet.includes(item),
              })),
            },
          ],
          error: null,
          busy: false,
        });
      else if (steps === 1) void moveOptimistically(card, to);
      else void moveAfterCheck(card, to);
    },
    [moveAfterCheck, moveOptimistically, router, say, t, tg],
  );

  const override = useCallback(
    async (reason: string) => {
      if (!gate) return;
      const { card, to } = gate;
      setGate({ ...gate, busy: true, error: null });
      const result = await moveDeal({ id: card.id, version: card.version, to, overrideReason: reason });
      if (result.status === "ok" && result.data) {
        const saved = result.data;
        setColumns((prev) => place(prev, saved));
        markRecent(card.id);
        setGate(null);
        keepFocus(card.id);
        say(t("moves.moved", { title: card.title, column: columnName(to) }));
      } else if (result.status === "error") {
        if (result.code === "CONFLICT") {
          setGate(null);
          say(refusal(card, result), "error");
          return;
        }
        setGate({
          ...gate,
          stages: result.gate ? gatesPassed(card.stage, to, result.gate.unmet) : gate.stages,
          busy: false,
          error: refusal(card, result),
        });
      }
    },
    [columnName, gate, markRecent, moveDeal, refusal, say, t],
  );

  const markLost = useCallback(
    async (input: { lostReasonId: string; note: string }) => {
      if (!lost) return;
      const { card } = lost;
      setLost({ ...lost, busy: true, error: null });
      const result = await moveDeal({
        id: card.id,
        version: card.version,
        to: "LOST",
        lostReasonId: input.lostReasonId,
        note: input.note || undefined,
      });
      if (result.status === "ok" && result.data) {
        const saved = result.data;
        setColumns((prev) => place(prev, saved));
        markRecent(card.id);
        setLost(null);
        keepFocus(card.id);
        say(t("moves.lost", { title: card.title }));
      } else if (result.status === "error") {
        if (result.code === "CONFLICT") {
          setLost(null);
          say(refusal(card, result), "error");
          return;
        }
        setLost({ ...lost, busy: false, error: refusal(card, result) });
      }
    },
    [lost, markRecent, moveDeal, refusal, say, t],
  );

  // ── Drag and drop ──────────────────────────────────────────────────────────────────────────────

  const sensors = useSensors(
    useSensor(MouseAndPenSensor, POINTER_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );

  // One dnd-kit draggable (the carrier) carries whichever card is picked up: the card's element and
  // handle become its nodes just before the sensor starts. With a draggable per card, every card
  // would re-render several times as a drag starts, crosses a column and ends (2,000-card boards).
  const carrier = useRef<CarrierApi | null>(null);
  const carried = useRef<{ card: PipelineCard; column: BoardColumn; element: HTMLElement } | null>(null);
  const carrying = useRef(false);

  const drag = useMemo<DragStart>(() => {
    const pickUp = (element: HTMLElement, card: PipelineCard) => {
      const api = carrier.current;
      const column = columnOf(card);
      if (!api?.listeners || carrying.current || !column) return null;
      api.setNodeRef(element);
      api.setActivatorNodeRef(element.querySelector<HTMLElement>("[data-drag-handle]"));
      carried.current = { card, column, element };
      return api.listeners;
    };
    const cardElement = (target: EventTarget) =>
      (target as HTMLElement).closest<HTMLElement>("li[data-deal-id]");
    return {
      pointerDown: (event, card) => {
        const element = cardElement(event.currentTarget);
        if (element) pickUp(element, card)?.onPointerDown?.(event);
      },
      touchStart: (event, card) => {
        const element = cardElement(event.currentTarget);
        if (element) pickUp(element, card)?.onTouchStart?.(event);
      },
      keyDown: (event, card) => {
        if (event.code !== "Space" && event.code !== "Enter") return;
        const element = cardElement(event.currentTarget);
        if (element) pickUp(element, card)?.onKeyDown?.(event);
      },
      describedBy: DND_INSTRUCTIONS_ID,
    };
  }, []);

  const nameOf = (id: string | number | undefined) => (isBoardColumn(id) ? columnName(id) : "");
  const carriedTitle = () => carried.current?.card.title ?? "";

  // A drag starts over the card's own column; saying so right after "picked up in …" would only
  // replace that announcement, so the first "over" is silent until the card leaves its column.
  const leftOrigin = useRef(false);
  const announcements: Announcements = {
    onDragStart: () => {
      leftOrigin.current = false;
      return t("dnd.pickedUp", { title: carriedTitle(), column: nameOf(carried.current?.column) });
    },
    onDragOver: ({ over }) => {
      if (!leftOrigin.current && over?.id === carried.current?.column) return undefined;
      leftOrigin.current = true;
      return over
        ? t("dnd.over", { title: carriedTitle(), column: nameOf(over.id) })
        : t("dnd.notOver", { title: carriedTitle() });
    },
    onDragEnd: ({ over }) =>
      over
        ? t("dnd.dropped", { title: carriedTitle(), column: nameOf(over.id) })
        : t("dnd.droppedNowhere", { title: carriedTitle() }),
    onDragCancel: () =>
      t("dnd.cancelled", { title: carriedTitle(), column: nameOf(carried.current?.column) }),
  };

  /** Marks the board, the carried card and its handle while a drag lasts (no re-render). */
  const mark = (on: boolean) => {
    carrying.current = on;
    boardRef.current?.toggleAttribute("data-dragging", on);
    const element = carried.current?.element;
    element?.toggleAttribute("data-dragging", on);
    const handle = element?.querySelector("[data-drag-handle]");
    if (on) handle?.setAttribute("aria-pressed", "true");
    else handle?.removeAttribute("aria-pressed");
  };
  const onDragStart = () => mark(true);
  const onDragCancel = () => {
    mark(false);
    carried.current = null;
  };
  const onDragEnd = ({ over, activatorEvent }: DragEndEvent) => {
    mark(false);
    const picked = carried.current;
    carried.current = null;
    if (!picked) return;
    if (over && isBoardColumn(over.id)) requestMove(picked.card, over.id);
    if (activatorEvent instanceof KeyboardEvent) keepFocus(picked.card.id);
  };

  const moveToColumns = useMemo(
    () =>
      BOARD_COLUMNS.map((id) => ({
        id,
        label: isStageColumn(id) ? `${stageNumber(id)} · ${columnName(id)}` : columnName(id),
      })),
    [columnName],
  );

  // One element: the page lays out its sections with margins, which must not reach the fixed
  // toast, backdrop and dialogs.
  return (
    <div>
      <DndContext
        // A fixed id (dnd-kit's generated ones differ between the server render and hydration);
        // it is the id of the hidden keyboard instructions the handles point to.
        id={DND_INSTRUCTIONS_ID}
        sensors={sensors}
        collisionDetection={columnCollision}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t("dnd.instructions") },
          // The carried card may now live in another column: keepFocus finds it there.
          restoreFocus: false,
        }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <div
          ref={boardRef}
          className={cn(
            "-mx-3 flex gap-3 overflow-x-auto px-3 pb-3 sm:mx-0 sm:px-0",
            // Snapping fights the drag's auto-scroll, so it is off while a card is carried.
            "snap-x snap-mandatory data-dragging:snap-none sm:snap-proximity",
          )}
          data-testid="pipeline-board"
        >
          {BOARD_COLUMNS.map((column) => (
            <BoardColumnView
              key={column}
              column={column}
              heading={heading}
              state={columns[column]}
              recentIds={marks[column].recent}
              pendingIds={marks[column].pending}
              text={text}
              fmt={fmt}
              staleDays={staleDays}
              emptyLabel={t("columns.empty")}
              moreText={moreText}
              onMore={loadMore}
              drag={drag}
              onMoveTo={setMoveTo}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          <CarriedCard carriedRef={carried} text={text} fmt={fmt} staleDays={staleDays} />
        </DragOverlay>
        <Carrier apiRef={carrier} />
      </DndContext>

      <div className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex flex-col items-center gap-2 px-3">
        <div role="status" aria-live="polite" aria-label={t("moves.status")}>
          {message?.tone === "info" ? (
            <Toast message={message} onDismiss={() => setMessage(null)} label={t("moves.dismiss")} />
          ) : null}
        </div>
        <div role="alert">
          {message?.tone === "error" ? (
            <Toast message={message} onDismiss={() => setMessage(null)} label={t("moves.dismiss")} />
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
            requestMove(card, to);
            keepFocus(card.id);
          }}
          onClose={() => setMoveTo(null)}
        />
      ) : null}
      {gate ? (
        <GateDialog
          card={gate.card}
          stages={gate.stages}
          canOverride={canOverride}
          error={gate.error}
          busy={gate.busy}
          onOverride={override}
          onClose={() => setGate(null)}
          text={{
            title: t("gate.title"),
            intro: t("gate.intro", { title: gate.card.title, column: columnName(gate.to) }),
            stage: (stage) => t("gate.stage", { stage }),
            met: t("gate.met"),
            unmet: t("gate.unmet"),
            complete: t("gate.complete"),
            overrideLabel: t("gate.overrideLabel"),
            overrideHint: t("gate.overrideHint"),
            overrideRequired: tg("errors.overrideReasonRequired"),
            moveAnyway: t("gate.moveAnyway"),
            noOverride: t("gate.noOverride"),
            cancel: t("gate.cancel"),
            stageName: (stage) => tg(`stages.${stage}`),
            item: (item) => tg(`items.${item}`),
          }}
        />
      ) : null}
      {lost ? (
        <LostDialog
          reasons={lostReasons}
          error={lost.error}
          busy={lost.busy}
          onSubmit={markLost}
          onClose={() => setLost(null)}
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

type CarrierApi = Pick<ReturnType<typeof useDraggable>, "listeners" | "setNodeRef" | "setActivatorNodeRef">;

/** The board's one draggable; renders nothing, hands its listeners and node setters to the board. */
function Carrier({ apiRef }: { apiRef: RefObject<CarrierApi | null> }) {
  const { listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id: CARRIER_ID });
  useLayoutEffect(() => {
    apiRef.current = { listeners, setNodeRef, setActivatorNodeRef };
  }, [apiRef, listeners, setNodeRef, setActivatorNodeRef]);
  return null;
}

/** The copy of the card under the pointer while it is carried. */
function CarriedCard({
  carriedRef,
  text,
  fmt,
  staleDays,
}: {
  carriedRef: RefObject<{ card: PipelineCard } | null>;
  text: CardText;
  fmt: BoardFormat;
  staleDays: number;
}) {
  const [card, setCard] = useState<PipelineCard | null>(null);
  useDndMonitor({
    onDragStart: () => setCard(carriedRef.current?.card ?? null),
    onDragEnd: () => setCard(null),
    onDragCancel: () => setCard(null),
  });
  return card ? <CardView card={card} text={text} fmt={fmt} staleDays={staleDays} overlay /> : null;
}

/**
 * After a move re-homes a card (a new element in another column), focus would be lost: put it on
 * the card's handle, unless the person has moved on to something else.
 */
function keepFocus(id: string) {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const closing = active?.closest("dialog");
    const lost = !active || active === document.body || !active.isConnected || (closing && !closing.open);
    if (!lost) return;
    document.querySelector<HTMLElement>(`li[data-deal-id="${CSS.escape(id)}"] [data-drag-handle]`)?.focus();
  });
}

function Toast({ message, onDismiss, label }: { message: Message; onDismiss: () => void; label: string }) {
  return (
    <div
      key={message.at}
      className={cn(
        "pointer-events-auto flex max-w-xl items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-lg",
        message.tone === "error"
          ? "border-red-300 bg-red-50 text-red-900"
          : "border-indigo-200 bg-white text-slate-900",
      )}
    >
      <p className="flex-1">{message.text}</p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label={label}
        className="rounded px-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
