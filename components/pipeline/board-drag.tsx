"use client";

import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  TouchSensor,
  useDndMonitor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { useTranslations } from "@/lib/i18n/client";
import { cn } from "@/components/ui/cn";
import { columnCollision, columnCoordinatesFor, MouseAndPenSensor } from "./board-dnd";
import { afterPaint, keepFocus } from "./board-moves";
import type { DragStart } from "./deal-card";

// The board's drag and drop on dnd-kit, by mouse, touch and keyboard: the columns are the drop
// targets, and ONE draggable (the carrier) carries whichever card is picked up — the card's element
// and handle become its nodes just before the sensor starts. With a draggable per card, every card
// would render again as a drag starts, crosses a column and ends (2,000-card boards).
// Generic over the card and its columns: the pipeline's deals and the recruitment board's
// distributors use the same shell.

// Sensor options live outside the component: new objects on each render would give every card new
// drag listeners, and every memoised card would render again whenever the board does.
/** A few pixels of movement before a drag starts, so a click still opens the deal. */
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
/** Press and hold to drag on a phone; a quick swipe scrolls. */
const TOUCH_OPTIONS = { activationConstraint: { delay: 200, tolerance: 8 } };
/** The keyboard's options per board (made once per list of columns, for the reason above). */
const keyboardOptions = new WeakMap<readonly string[], object>();
function keyboardOptionsFor(columns: readonly string[]) {
  let options = keyboardOptions.get(columns);
  if (!options) {
    options = { coordinateGetter: columnCoordinatesFor(columns), scrollBehavior: "instant" as const };
    keyboardOptions.set(columns, options);
  }
  return options;
}

type Carried<Card, Column> = { card: Card; column: Column; element: HTMLElement };
/** How a card starts a drag (absent outside the board, and for the copy under the pointer). */
export const DragStartContext = createContext<DragStart<never> | undefined>(undefined);
/** The board's DragStart, for cards of type `Card`. */
export const useDragStart = <Card,>() => useContext(DragStartContext) as DragStart<Card> | undefined;

type CarrierApi = Pick<ReturnType<typeof useDraggable>, "listeners" | "setNodeRef" | "setActivatorNodeRef">;

/**
 * The board's columns (`children`; their cards find how to start a drag in DragStartContext) inside
 * the drag and drop context, the copy of the carried card under the pointer, and screen-reader announcements. While a
 * card is carried the board does not render again (a drag must stay cheap): the overlay follows the
 * drag by itself, and the board, the card and its handle are marked through the DOM.
 */
export function BoardDragAndDrop<Card extends { id: string }, Column extends string>({
  children,
  overlay,
  columnName,
  onDrop,
  columns,
  columnOf,
  titleOf,
  cardAttribute = "data-deal-id",
  namespace = "pipeline",
  idPrefix = "pipeline",
  testId = "pipeline-board",
}: {
  children: ReactNode;
  overlay: (card: Card) => ReactNode;
  columnName: (column: Column) => string;
  /** A card dropped on a column; true when it leaves its place at once (moved before the server answers). */
  onDrop: (card: Card, to: Column) => boolean;
  /** The columns, left to right (a module constant: the keyboard's options are made per list). */
  columns: readonly Column[];
  /** The column a card sits in; null for a card that does not move. */
  columnOf: (card: Card) => Column | null;
  titleOf: (card: Card) => string;
  /** The attribute that holds a card element's id (li[data-deal-id] on the pipeline). */
  cardAttribute?: string;
  /** The message namespace holding the dnd.* announcements. */
  namespace?: "pipeline" | "distributors";
  /** Makes the dnd-kit ids unique per board. */
  idPrefix?: string;
  testId?: string;
}) {
  // Both namespaces hold the same dnd.* keys.
  const t = useTranslations(namespace as "pipeline");
  const CARRIER_ID = `${idPrefix}-carried-card`;
  const DND_INSTRUCTIONS_ID = `${idPrefix}-drag-instructions`;
  const isColumn = (id: unknown): id is Column => typeof id === "string" && columns.includes(id as Column);
  const boardRef = useRef<HTMLDivElement>(null);
  const carrier = useRef<CarrierApi | null>(null);
  const carried = useRef<Carried<Card, Column> | null>(null);
  const sensors = useSensors(
    useSensor(MouseAndPenSensor, POINTER_OPTIONS),
    useSensor(TouchSensor, TOUCH_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptionsFor(columns)),
  );
  const carrying = useRef(false);

  const drag = useMemo<DragStart<Card>>(() => {
    const pickUp = (element: HTMLElement, card: Card) => {
      const api = carrier.current;
      const column = columnOf(card);
      if (!api?.listeners || carrying.current || !column) return null;
      api.setNodeRef(element);
      api.setActivatorNodeRef(element.querySelector<HTMLElement>("[data-drag-handle]"));
      carried.current = { card, column, element };
      return api.listeners;
    };
    const cardElement = (target: EventTarget) =>
      (target as HTMLElement).closest<HTMLElement>(`li[${cardAttribute}]`);
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
    // The columns, the column rule and the ids are fixed for a board's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const nameOf = (id: string | number | undefined) => (isColumn(id) ? columnName(id) : "");
  const carriedTitle = () => (carried.current ? titleOf(carried.current.card) : "");
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
  const mark = (element: HTMLElement | undefined, on: boolean) => {
    // (A drop's late unmarking leaves the board marked if another drag has started since.)
    if (on || !carrying.current) boardRef.current?.toggleAttribute("data-dragging", on);
    element?.toggleAttribute("data-dragging", on);
    const handle = element?.querySelector("[data-drag-handle]");
    if (on) handle?.setAttribute("aria-pressed", "true");
    else handle?.removeAttribute("aria-pressed");
  };
  const onDragStart = () => {
    carrying.current = true;
    // dnd-kit measures the card, the columns and their scroll containers as the drag starts: marks
    // written before that would make each measurement lay the page out again, so they wait a frame.
    const element = carried.current?.element;
    requestAnimationFrame(() => {
      if (carrying.current && carried.current?.element === element) mark(element, true);
    });
  };
  const onDragEnd = ({ over, activatorEvent }: DragEndEvent) => {
    const picked = carried.current;
    carried.current = null;
    carrying.current = false;
    if (!picked) return;
    const to = over && isColumn(over.id) ? over.id : null;
    const keyboard = activatorEvent instanceof KeyboardEvent;
    if (!to) {
      mark(picked.element, false);
      if (keyboard) keepFocus(picked.card.id, 30, cardAttribute);
      return;
    }
    // The drop's own frame shows only what dnd-kit ends (the copy under the pointer goes, the card
    // stays faded); the board's answer (the card in its new column, a dialog) renders after that
    // frame is painted, so the person sees the drop land at once (tests/bench/board-inp.ts).
    const { element } = picked;
    element.setAttribute("data-leaving", "");
    void afterPaint().then(() => {
      // A card that leaves its column stays faded until the board renders it in its new place.
      const leaving = onDrop(picked.card, to);
      mark(element, false);
      if (leaving) element.toggleAttribute("data-dragging", true);
      else element.removeAttribute("data-leaving");
      if (keyboard) keepFocus(picked.card.id, 30, cardAttribute);
    });
  };

  // The columns and their cards are outside dnd-kit's context: whenever it changes (a drag starts,
  // crosses a column, ends), React looks for its readers through everything inside it, which on a
  // large board was the thousands of elements of the cards. Inside are only the drop targets
  // (which find their columns by data-column), the carrier and the overlay.
  return (
    <>
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
        onDragCancel={() => {
          carrying.current = false;
          mark(carried.current?.element, false);
          carried.current = null;
        }}
      >
        {columns.map((column) => (
          <DropTarget key={column} column={column} board={boardRef} />
        ))}
        <DragOverlay dropAnimation={null}>
          <CarriedCard carriedRef={carried} overlay={overlay} />
        </DragOverlay>
        <Carrier apiRef={carrier} id={CARRIER_ID} />
      </DndContext>
      <div
        ref={boardRef}
        className={cn(
          "-mx-3 flex gap-3 overflow-x-auto px-3 pb-3 sm:mx-0 sm:px-0 lg:gap-2",
          // Snapping fights the drag's auto-scroll, so it is off while a card is carried.
          "snap-x snap-mandatory data-dragging:snap-none sm:snap-proximity",
        )}
        data-testid={testId}
      >
        <DragStartContext value={drag}>{children}</DragStartContext>
      </div>
    </>
  );
}

/** The board's one draggable; renders nothing, hands its listeners and node setters to the board. */
function Carrier({ apiRef, id }: { apiRef: RefObject<CarrierApi | null>; id: string }) {
  const { listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id });
  useLayoutEffect(() => {
    apiRef.current = { listeners, setNodeRef, setActivatorNodeRef };
  }, [apiRef, listeners, setNodeRef, setActivatorNodeRef]);
  return null;
}

/** The copy of the card under the pointer while it is carried. */
function CarriedCard<Card>({
  carriedRef,
  overlay,
}: {
  carriedRef: RefObject<{ card: Card } | null>;
  overlay: (card: Card) => ReactNode;
}) {
  const [card, setCard] = useState<Card | null>(null);
  useDndMonitor({
    onDragStart: () => setCard(carriedRef.current?.card ?? null),
    onDragEnd: () => setCard(null),
    onDragCancel: () => setCard(null),
  });
  return card ? overlay(card) : null;
}

/**
 * A column as a drop target: renders nothing, registers the board's `section[data-column]` with
 * dnd-kit and marks it (`data-over`) while a carried card is over it, so the column with its cards
 * does not render with every change of dnd-kit's context.
 */
function DropTarget({ column, board }: { column: string; board: RefObject<HTMLElement | null> }) {
  const { setNodeRef, isOver } = useDroppable({ id: column });
  const selector = `section[data-column="${column}"]`;
  // After the commit: the board is rendered after this in the tree.
  useEffect(() => {
    setNodeRef(board.current?.querySelector<HTMLElement>(selector) ?? null);
  }, [setNodeRef, board, selector]);
  useLayoutEffect(() => {
    board.current?.querySelector(selector)?.toggleAttribute("data-over", isOver);
  }, [isOver, board, selector]);
  return null;
}
