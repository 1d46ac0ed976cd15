import { z } from "zod";
import { SCORECARD_METRICS } from "@/lib/domain/scorecard";
import { id, optionalDecimal, requiredText, version } from "./primitives";

/** A weight from 0 to 100 (empty = 0: the role is not scored on it). */
const weight = optionalDecimal(0, 100, { percent: true }).transform((v) => v ?? 0);

const indicatorFields = {
  name: requiredText(40),
  nameEn: requiredText(60),
  metric: z.enum(SCORECARD_METRICS),
  // Successful visits a month, or the rate (%) that earns full marks; the data layer says which
  // metrics need it.
  fullMarksAt: optionalDecimal(0.01, 100_000, { percent: true }),
  weightManager: weight,
  weightKam: weight,
  weightRep: weight,
};

/** The administrator's indicator form (绩效考核指标). */
export const createIndicatorSchema = z.object(indicatorFields);
export const updateIndicatorSchema = z.object({ ...indicatorFields, id, version });
export const indicatorRefSchema = z.object({ id, version });
export type IndicatorInput = z.output<typeof createIndicatorSchema>;
