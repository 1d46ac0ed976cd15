"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { recordServiceDelivery } from "@/lib/data/service/deliveries";
import {
  createServiceItem,
  deleteServiceItem,
  restoreServiceItem,
  updateServiceItem,
} from "@/lib/data/service/plans";
import {
  createServiceItemSchema,
  recordDeliverySchema,
  serviceItemRefSchema,
  updateServiceItemSchema,
} from "@/lib/validation/health";

// The plan page, the account page's plan and health, the home page's tasks and the at-risk list.
function refresh(accountId: string) {
  revalidatePath(`/accounts/${accountId}/service`);
  revalidatePath(`/accounts/${accountId}`);
  revalidatePath("/health");
  revalidatePath("/");
}

export const createServiceItemAction = formAction(
  createServiceItemSchema,
  async ({ viewer, input }) => {
    const item = await createServiceItem(viewer, input);
    refresh(item.accountId);
    return { id: item.id };
  },
  (t) => t("service.created"),
);

export const updateServiceItemAction = formAction(
  updateServiceItemSchema,
  async ({ viewer, input }) => {
    const item = await updateServiceItem(viewer, input);
    refresh(item.accountId);
    return { id: item.id };
  },
  (t) => t("service.saved"),
);

export const deleteServiceItemAction = formAction(
  serviceItemRefSchema,
  async ({ viewer, input }) => {
    const item = await deleteServiceItem(viewer, input);
    refresh(item.accountId);
    return { id: item.id };
  },
  (t) => t("service.deleted"),
);

export const restoreServiceItemAction = formAction(
  serviceItemRefSchema,
  async ({ viewer, input }) => {
    const item = await restoreServiceItem(viewer, input);
    refresh(item.accountId);
    return { id: item.id };
  },
  (t) => t("service.restored"),
);

export const recordDeliveryAction = formAction(
  recordDeliverySchema,
  async ({ viewer, input }) => {
    const result = await recordServiceDelivery(viewer, input);
    refresh(result.accountId);
    return { id: result.deliveryId };
  },
  (t) => t("service.recorded"),
);
