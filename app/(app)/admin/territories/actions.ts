"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { createTerritory, deleteTerritory, restoreTerritory, updateTerritory } from "@/lib/data/territories";
import { territoryLabel } from "@/lib/i18n/names";
import {
  createTerritorySchema,
  territoryRefSchema,
  updateTerritorySchema,
} from "@/lib/validation/territories";

function refresh() {
  revalidatePath("/admin/territories", "layout");
  revalidatePath("/");
}

export const createTerritoryAction = formAction(
  createTerritorySchema,
  async ({ viewer, input }) => {
    const row = await createTerritory(viewer, input);
    refresh();
    return { id: row.id, name: territoryLabel(row, viewer.locale) };
  },
  (t, data) => t("territories.created", { name: data.name }),
);

export const updateTerritoryAction = formAction(
  updateTerritorySchema,
  async ({ viewer, input }) => {
    const row = await updateTerritory(viewer, input);
    refresh();
    return { id: row.id, name: territoryLabel(row, viewer.locale) };
  },
  (t, data) => t("territories.updated", { name: data.name }),
);

export const deleteTerritoryAction = formAction(
  territoryRefSchema,
  async ({ viewer, input }) => {
    const row = await deleteTerritory(viewer, input);
    refresh();
    return { id: row.id, name: territoryLabel(row, viewer.locale) };
  },
  (t, data) => t("territories.deleted", { name: data.name }),
);

export const restoreTerritoryAction = formAction(
  territoryRefSchema,
  async ({ viewer, input }) => {
    const row = await restoreTerritory(viewer, input);
    refresh();
    return { id: row.id, name: territoryLabel(row, viewer.locale) };
  },
  (t, data) => t("territories.restored", { name: data.name }),
);
