import { z } from "zod";
import { CALENDAR_VIEWS } from "@/lib/domain/visit-calendar";
import { id, INT4_MAX, optionalIsoDate, optionalText, queryDate, queryId, requiredInt } from "./primitives";

// The calendar slice's inputs: the calendar's and the weekly log's URL parameters (bad values fall
// back to defaults), and the weekly log's two forms.

/** /visits/calendar?view=week&date=2026-12-02&person=ID */
export const calendarQuerySchema = z.object({
  view: z.enum(CALENDAR_VIEWS).optional().catch(undefined),
  date: queryDate,
  person: queryId,
});

/** /visits/weekly?person=ID&week=2026-11-30 (any day of the week). */
export const weeklyQuerySchema = z.object({ week: queryDate, person: queryId });

/** A week, named by any of its days (the log files it under the Monday). */
const week = optionalIsoDate
  .refine((v) => v !== null, { message: "validation.required" })
  .transform((v) => v!);

/** The version shown: 0 when the week had no saved log yet. */
const logVersion = requiredInt(0, INT4_MAX, "validation.invalid");

/** The person's own summary of the week and plan for the next. */
export const weeklyTextsSchema = z.object({
  personId: id,
  week,
  version: logVersion,
  summary: optionalText(4000),
  nextWeekPlan: optionalText(4000),
});

/** The manager's comment on a person's week. */
export const weeklyCommentSchema = z.object({
  personId: id,
  week,
  version: logVersion,
  comment: optionalText(2000),
});

/** Creating, rotating or revoking one's own feed takes no input. */
export const feedSchema = z.object({});

export type WeeklyTextsInput = z.output<typeof weeklyTextsSchema>;
export type WeeklyCommentInput = z.output<typeof weeklyCommentSchema>;
