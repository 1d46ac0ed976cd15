import { z } from "zod";
import { id, optionalId, requiredText, version } from "./primitives";

export const TERRITORY_LEVELS = ["COUNTRY", "REGION", "PROVINCE", "CITY", "DISTRICT"] as const;

const territoryFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/, { message: "validation.invalid" }),
  name: requiredText(80),
  nameEn: requiredText(80),
  level: z.enum(TERRITORY_LEVELS),
  parentId: optionalId,
  teamId: optionalId,
};

export const createTerritorySchema = z.object(territoryFields);
export const updateTerritorySchema = z.object({ ...territoryFields, id, version });
export const territoryRefSchema = z.object({ id, version });
