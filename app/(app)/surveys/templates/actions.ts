"use server";

import { revalidatePath } from "next/cache";
import { formAction, objectAction } from "@/lib/actions/action";
import { createTemplate, setTemplateDeleted, updateTemplate } from "@/lib/data/surveys/templates";
import { createTemplateSchema, templateRefSchema, updateTemplateSchema } from "@/lib/validation/surveys";

export const createTemplateAction = formAction(
  createTemplateSchema,
  async ({ viewer, input }) => {
    const created = await createTemplate(viewer, input);
    revalidatePath("/surveys/templates");
    return created;
  },
  (t) => t("surveys.templates.saved"),
);

export const updateTemplateAction = formAction(
  updateTemplateSchema,
  async ({ viewer, input }) => {
    const saved = await updateTemplate(viewer, { ...input, code: "" });
    revalidatePath("/surveys/templates");
    revalidatePath(`/surveys/templates/${input.id}`);
    return saved;
  },
  (t, data) => t("surveys.templates.savedVersion", { version: data.currentVersion }),
);

export const deleteTemplateAction = objectAction(templateRefSchema, async ({ viewer, input }) => {
  const done = await setTemplateDeleted(viewer, input, true);
  revalidatePath("/surveys/templates");
  return done;
});

export const restoreTemplateAction = objectAction(templateRefSchema, async ({ viewer, input }) => {
  const done = await setTemplateDeleted(viewer, input, false);
  revalidatePath("/surveys/templates");
  return done;
});
