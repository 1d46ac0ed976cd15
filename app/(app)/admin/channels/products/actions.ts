"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/action";
import { saveProduct, setProductActive } from "@/lib/data/channel-agreements/products";
import { productActiveSchema, productSchema } from "@/lib/validation/channel-agreements";

export const saveProductAction = formAction(
  productSchema,
  async ({ viewer, input }) => {
    await saveProduct(viewer, input);
    revalidatePath("/admin/channels/products");
  },
  (t) => t("channelAgreements.products.saved"),
);

export const productActiveAction = formAction(
  productActiveSchema,
  async ({ viewer, input }) => {
    await setProductActive(viewer, { id: input.id, version: input.version, active: input.active === "true" });
    revalidatePath("/admin/channels/products");
  },
  (t, _d, input) =>
    t(
      input.active === "true"
        ? "channelAgreements.products.activated"
        : "channelAgreements.products.deactivated",
    ),
);
