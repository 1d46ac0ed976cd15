"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/action";
import {
  deleteAccount,
  moveLifecycle,
  overrideTier,
  restoreAccount,
  updateAccountProfile,
  updateQualification,
  updateValueInputs,
} from "@/lib/data/accounts";
import { createContact, deleteContact, restoreContact, updateContact } from "@/lib/data/contacts";
import {
  lifecycleMoveSchema,
  qualificationSchema,
  tierOverrideSchema,
  updateProfileSchema,
  valueInputsSchema,
} from "@/lib/validation/accounts";
import { id, version } from "@/lib/validation/primitives";
import { contactRefSchema, createContactSchema, updateContactSchema } from "@/lib/validation/contacts";

const accountRefSchema = z.object({ id, version });

// The account page, the list (names, tiers, scores, stages) and the home page's counts show it.
function refresh(accountId: string) {
  revalidatePath(`/accounts/${accountId}`);
  revalidatePath("/accounts");
  revalidatePath("/");
}

export const updateProfileAction = formAction(
  updateProfileSchema,
  async ({ viewer, input }) => {
    const account = await updateAccountProfile(viewer, input);
    refresh(account.id);
    return { id: account.id };
  },
  (t) => t("accountPage.profile.saved"),
);

export const updateValueInputsAction = formAction(
  valueInputsSchema,
  async ({ viewer, input }) => {
    const account = await updateValueInputs(viewer, input);
    refresh(account.id);
    return { id: account.id, composite: account.compositeScore, tier: account.tier };
  },
  (t, data) => t("accountPage.value.saved", { score: data.composite.toFixed(1), tier: data.tier }),
);

export const overrideTierAction = formAction(
  tierOverrideSchema,
  async ({ viewer, input }) => {
    const account = await overrideTier(viewer, input);
    refresh(account.id);
    return { id: account.id, tier: account.tier, manual: !!account.tierOverrideReason };
  },
  (t, data) =>
    data.manual ? t("accountPage.override.saved", { tier: data.tier }) : t("accountPage.override.cleared"),
);

export const updateQualificationAction = formAction(
  qualificationSchema,
  async ({ viewer, input }) => {
    const account = await updateQualification(viewer, input);
    refresh(account.id);
    return { id: account.id };
  },
  (t) => t("accountPage.qualification.saved"),
);

export const moveLifecycleAction = formAction(
  lifecycleMoveSchema,
  async ({ viewer, input }) => {
    const account = await moveLifecycle(viewer, input);
    refresh(account.id);
    return { id: account.id, stage: account.lifecycle };
  },
  (t, data) => t("accountPage.lifecycle.moved", { stage: t(`account.lifecycle.${data.stage}`) }),
);

export const deleteAccountAction = formAction(
  accountRefSchema,
  async ({ viewer, input }) => {
    const account = await deleteAccount(viewer, input);
    refresh(account.id);
    return { id: account.id };
  },
  (t) => t("accountPage.danger.deleted"),
);

export const restoreAccountAction = formAction(
  accountRefSchema,
  async ({ viewer, input }) => {
    const account = await restoreAccount(viewer, input);
    refresh(account.id);
    return { id: account.id };
  },
  (t) => t("accountPage.danger.restored"),
);

export const createContactAction = formAction(
  createContactSchema,
  async ({ viewer, input }) => {
    const contact = await createContact(viewer, input);
    refresh(contact.accountId);
    return { id: contact.id, name: contact.name };
  },
  (t, data) => t("accountPage.contacts.created", { name: data.name }),
);

export const updateContactAction = formAction(
  updateContactSchema,
  async ({ viewer, input }) => {
    const contact = await updateContact(viewer, input);
    refresh(contact.accountId);
    return { id: contact.id, name: contact.name };
  },
  (t, data) => t("accountPage.contacts.updated", { name: data.name }),
);

export const deleteContactAction = formAction(
  contactRefSchema,
  async ({ viewer, input }) => {
    const contact = await deleteContact(viewer, input);
    refresh(contact.accountId);
    return { id: contact.id, name: contact.name };
  },
  (t, data) => t("accountPage.contacts.deleted", { name: data.name }),
);

export const restoreContactAction = formAction(
  contactRefSchema,
  async ({ viewer, input }) => {
    const contact = await restoreContact(viewer, input);
    refresh(contact.accountId);
    return { id: contact.id, name: contact.name };
  },
  (t, data) => t("accountPage.contacts.restored", { name: data.name }),
);
