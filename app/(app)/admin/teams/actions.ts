"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { createTeam, deleteTeam, restoreTeam, updateTeam } from "@/lib/data/teams";
import { teamLabel } from "@/lib/i18n/names";
import { createTeamSchema, teamRefSchema, updateTeamSchema } from "@/lib/validation/teams";

// Team names appear in the team pages and in the user and territory pickers and lists.
function refresh() {
  revalidatePath("/admin", "layout");
  revalidatePath("/");
}

export const createTeamAction = formAction(
  createTeamSchema,
  async ({ viewer, input }) => {
    const team = await createTeam(viewer, input);
    refresh();
    return { id: team.id, name: teamLabel(team, viewer.locale) };
  },
  (t, data) => t("teams.created", { name: data.name }),
);

export const updateTeamAction = formAction(
  updateTeamSchema,
  async ({ viewer, input }) => {
    const team = await updateTeam(viewer, input);
    refresh();
    return { id: team.id, name: teamLabel(team, viewer.locale) };
  },
  (t, data) => t("teams.updated", { name: data.name }),
);

export const deleteTeamAction = formAction(
  teamRefSchema,
  async ({ viewer, input }) => {
    const team = await deleteTeam(viewer, input);
    refresh();
    return { id: team.id, name: teamLabel(team, viewer.locale) };
  },
  (t, data) => t("teams.deleted", { name: data.name }),
);

export const restoreTeamAction = formAction(
  teamRefSchema,
  async ({ viewer, input }) => {
    const team = await restoreTeam(viewer, input);
    refresh();
    return { id: team.id, name: teamLabel(team, viewer.locale) };
  },
  (t, data) => t("teams.restored", { name: data.name }),
);
