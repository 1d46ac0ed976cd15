import { z } from "zod";
import { id, optionalId, optionalText, requiredText, version } from "./primitives";

const teamFields = {
  name: requiredText(80),
  nameZh: optionalText(80),
  managerId: optionalId,
  parentId: optionalId,
};

export const createTeamSchema = z.object(teamFields);
export const updateTeamSchema = z.object({ ...teamFields, id, version });
export const teamRefSchema = z.object({ id, version });
