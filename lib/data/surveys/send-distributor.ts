import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { IsoDate } from "@/lib/domain/calendar";
import { AppError, notFound } from "@/lib/errors";
import { loadDistributorFor } from "../distributors/scope";
import { closingInstant, writeSentSurvey } from "./send";
import { listSendableTemplates } from "./templates";

// 渠道满意度调研: the same questionnaires, personal links and public page as a key account's survey,
// sent to a distributor's contacts. The answers score the distributor's quarterly scorecard.

export type SendDistributorSurveyInput = {
  distributorId: string;
  templateId: string;
  /** "allContacts": every contact of the distributor; "chosen": `contactIds`. */
  audience: "allContacts" | "chosen";
  contactIds: string[];
  closesOn: IsoDate;
  locale: "zh-CN" | "en";
};

/** What the send form offers for a distributor the viewer may change: its contacts and the questionnaires. */
export async function distributorSurveySendOptions(viewer: Viewer, distributorId: string) {
  await loadDistributorFor(viewer, distributorId, "edit");
  const [distributor, contacts, templates] = await Promise.all([
    db.distributor.findUniqueOrThrow({ where: { id: distributorId }, select: { id: true, name: true } }),
    db.distributorContact.findMany({
      where: { distributorId, deletedAt: null },
      orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
      select: { id: true, name: true, title: true, isPrimary: true, email: true },
    }),
    listSendableTemplates(),
  ]);
  return { distributor, contacts, templates };
}

/** Sends a questionnaire to some of a distributor's contacts; each gets a personal link. */
export async function sendDistributorSurvey(
  viewer: Viewer,
  input: SendDistributorSurveyInput,
  now = new Date(),
) {
  const distributor = await loadDistributorFor(viewer, input.distributorId, "edit");
  const closesAt = closingInstant(input.closesOn, now);
  const contacts = await db.distributorContact.findMany({
    where: {
      distributorId: distributor.id,
      deletedAt: null,
      ...(input.audience === "chosen" ? { id: { in: input.contactIds } } : {}),
    },
    select: { id: true },
  });
  if (!contacts.length)
    throw new AppError("VALIDATION", "no contacts", { contactIds: ["surveys.errors.noContacts"] });
  // A contact of another distributor (or a removed one) is as unknown as an invented id.
  if (input.audience === "chosen" && contacts.length !== new Set(input.contactIds).size)
    throw notFound("contact");
  return writeSentSurvey(viewer, {
    templateId: input.templateId,
    distributor,
    contactIds: contacts.map((c) => c.id),
    locale: input.locale,
    closesAt,
    now,
  });
}
