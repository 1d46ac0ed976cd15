// Drag-and-drop plumbing for the board: which pointer starts a drag, how the keyboard moves a card
// from column to column, and which column a card is over.
import {
  KeyboardCode,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
} from "@dnd-kit/core";
import type { PointerEvent as ReactPointerEvent } from "react";
import { BOARD_COLUMNS } from "@/lib/domain/pipeline";

/**
 * Mouse and pen only: on a phone, touch goes to the TouchSensor, whose press delay leaves a quick
 * swipe to scroll the board (Chrome sends pointer events for touch too, which would start a drag).
 */
export class MouseAndPenSensor extends PointerSensor {
  static activators = [
    {
      eventName: "onPointerDown" as const,
      handler: (event: ReactPointerEvent, options: PointerSensorOptions) =>
        event.nativeEvent.pointerType !== "touch" && PointerSensor.activators[0]!.handler(event, options),
    },
  ];
}

/**
 * ← and → jump to the previous or next column (from the column the card is over, or, before dnd-kit
 * has worked that out, the column under the card); ↑ and ↓ do nothing, since a column has no order
 * to change. The dragged card is placed level with where it was (or within the column, when that
 * is lower), centred on the target column, so the rectangle test finds that column. For any board:
 * `columns` in their left-to-right order.
 */
export function columnCoordinatesFor(columns: readonly string[]): KeyboardCoordinateGetter {
  return (event, { context, currentCoordinates }) => {
    const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
    if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
    if (!step) return undefined;
    event.preventDefault();
    const current = context.over?.id ?? columnUnder(context);
    if (typeof current !== "string" || !columns.includes(current)) return undefined;
    const target = columns[columns.indexOf(current) + step];
    const rect = target ? context.droppableRects.get(target) : undefined;
    if (!rect) return undefined;
    const width = context.collisionRect?.width ?? 0;
    const height = context.collisionRect?.height ?? 0;
    // Level with where it was, unless the column lies lower (丢单 sits under 赢单 on wide screens).
    const y = Math.min(
      Math.max(currentCoordinates.y, rect.top),
      rect.top + Math.max(0, rect.height - height),
    );
    return { x: rect.left + Math.max(0, (rect.width - width) / 2), y };
  };
}

/** The pipeline board's keyboard moves over its seven columns. */
export const columnCoordinates: KeyboardCoordinateGetter = columnCoordinatesFor(BOARD_COLUMNS);

/** The column whose rectangle holds the dragged card's centre (left to right). */
function columnUnder(context: Parameters<KeyboardCoordinateGetter>[1]["context"]) {
  const card = context.collisionRect;
  if (!card) return undefined;
  const x = card.left + card.width / 2;
  for (const [id, rect] of context.droppableRects)
    if (x >= rect.left && x <= rect.left + rect.width) return id;
  return undefined;
}

/** The column under the pointer (or finger); for the keyboard, the column the card overlaps most. */
export const columnCollision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);
