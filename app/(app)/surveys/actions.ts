"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction, objectAction } from "@/lib/actions/action";
import { emailSurveyLinks } from "@/lib/data/surveys/email";
import { revokeInvitation, sendSurvey } from "@/lib/data/surveys/send";
import { sendDistributorSurvey } from "@/lib/data/surveys/send-distributor";
import {
  emailSurveySchema,
  sendDistributorSurveySchema,
  sendSurveySchema,
  surveyRefSchema,
} from "@/lib/validation/surveys";
import { surveyLinkBase } from "@/components/surveys/link-base";

export const sendSurveyAction = formAction(
  sendSurveySchema,
  async ({ viewer, input }) => {
    const sent = await sendSurvey(viewer, input);
    revalidatePath("/surveys");
    revalidatePath(`/accounts/${input.accountId}`);
    return sent;
  },
  (t) => t("surveys.send.sent"),
);

export const sendDistributorSurveyAction = formAction(
  sendDistributorSurveySchema,
  async ({ viewer, input }) => {
    const sent = await sendDistributorSurvey(viewer, input);
    revalidatePath(`/distributors/${input.distributorId}`);
    return sent;
  },
  (t) => t("surveys.send.sent"),
);

export const revokeLinkAction = objectAction(
  surveyRefSchema,
  async ({ viewer, input }) => {
    const { surveyId } = await revokeInvitation(viewer, input);
    revalidatePath(`/surveys/${surveyId}`);
    return { surveyId };
  },
  (t) => t("surveys.detail.revoked"),
);

export const emailLinksAction = formAction(
  emailSurveySchema,
  async ({ viewer, input }) => {
    const base = await surveyLinkBase();
    const mail = {
      en: await getTranslations({ locale: "en", namespace: "surveys.mail" }),
      zh: await getTranslations({ locale: "zh-CN", namespace: "surveys.mail" }),
    };
    const result = await emailSurveyLinks(viewer, {
      surveyId: input.id,
      base,
      resend: input.resend,
      compose: ({ locale, contactName, link }) => {
        const t = locale === "en" ? mail.en : mail.zh;
        return { subject: t("subject"), text: t("body", { name: contactName, link }) };
      },
    });
    revalidatePath(`/surveys/${input.id}`);
    return result;
  },
  (t, data) => t("surveys.detail.emailed", { count: data.sent }),
);
