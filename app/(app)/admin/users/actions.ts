"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { createUser, deactivateUser, reactivateUser, updateUser } from "@/lib/data/users";
import {
  createUserSchema,
  deactivateUserSchema,
  reactivateUserSchema,
  updateUserSchema,
} from "@/lib/validation/users";

/** What the status actions return; one shape, so the edit page's status form can switch between them. */
type StatusResult = { id: string; name: string; moved?: number };

// People appear in the user pages, as team members and managers, and on the home page's counts.
function refresh() {
  revalidatePath("/admin/users", "layout");
  revalidatePath("/admin/teams", "layout");
  revalidatePath("/");
}

export const createUserAction = formAction(
  createUserSchema,
  async ({ viewer, input }) => {
    const user = await createUser(viewer, input);
    refresh();
    return { id: user.id, name: user.name };
  },
  (t, data) => t("users.created", { name: data.name }),
);

export const updateUserAction = formAction(
  updateUserSchema,
  async ({ viewer, input }) => {
    const user = await updateUser(viewer, input);
    refresh();
    return { id: user.id, name: user.name };
  },
  (t, data) => t("users.updated", { name: data.name }),
);

export const deactivateUserAction = formAction(
  deactivateUserSchema,
  async ({ viewer, input }): Promise<StatusResult> => {
    const { user, moved } = await deactivateUser(viewer, input);
    refresh();
    return { id: user.id, name: user.name, moved };
  },
  (t, data) =>
    data.moved
      ? t("users.deactivatedMoved", { name: data.name, count: data.moved })
      : t("users.deactivated", { name: data.name }),
);

export const reactivateUserAction = formAction(
  reactivateUserSchema,
  async ({ viewer, input }): Promise<StatusResult> => {
    const user = await reactivateUser(viewer, input);
    refresh();
    return { id: user.id, name: user.name };
  },
  (t, data) => t("users.reactivated", { name: data.name }),
);
