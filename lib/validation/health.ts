import { z } from "zod";
import { TIERS } from "@/lib/domain/account-kinds";
import { SERVICE_FREQUENCIES } from "@/lib/domain/service-plans";
import { csv } from "./accounts";
import { id, optionalId, optionalIsoDate, optionalText, queryId, requiredText, version } from "./primitives";

/** The /health list's state, from the URL: which bands, and narrowing by team, person and tier. */
export const atRiskQuerySchema = z.object({
  band: z.enum(["AT_RISK", "WATCH", "BOTH"]).default("AT_RISK").catch("AT_RISK"),
  teamId: queryId,
  ownerId: queryId,
  tier: csv(TIERS),
});
export type AtRiskQuery = z.infer<typeof atRiskQuerySchema>;

const requiredIsoDate = optionalIsoDate.refine((v) => v !== null, { message: "validation.required" });

/** One agreed service item (服务项目) of an account's plan. */
const itemFields = {
  name: requiredText(120),
  description: optionalText(1000),
  ownerId: id,
  frequency: z.enum(SERVICE_FREQUENCIES, { message: "validation.required" }),
  nextDueOn: requiredIsoDate,
};
export const createServiceItemSchema = z.object({ accountId: id, ...itemFields });
export const updateServiceItemSchema = z.object({ id, version, ...itemFields });
export type ServiceItemInput = z.output<typeof createServiceItemSchema>;
export type UpdateServiceItemInput = z.output<typeof updateServiceItemSchema>;

/** Recording a delivery against the item's current due date. */
export const recordDeliverySchema = z.object({
  itemId: id,
  version,
  deliveredOn: requiredIsoDate,
  note: optionalText(1000),
  visitRecordId: optionalId,
});
export type DeliveryInput = z.output<typeof recordDeliverySchema>;

export const serviceItemRefSchema = z.object({ id, version });
