import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { assertRecord, scopeWhere } from "@/lib/auth/permissions";
import { mutate } from "../audit";
import { invitationLink } from "./links";

// E-mailing survey links, only where the deployment configured SMTP (SMTP_URL, SMTP_FROM). Without
// it the UI offers copy and QR code, which is how most customers (in WeChat) receive them anyway.

export const smtpConfigured = () => Boolean(process.env.SMTP_URL && process.env.SMTP_FROM);

export type ComposeMail = (args: {
  locale: "zh-CN" | "en";
  contactName: string;
  link: string;
  closesAt: Date;
}) => { subject: string; text: string };

/**
 * E-mails the survey's open, unanswered links to the contacts who have an address, marks them
 * emailedAt and returns how many went out. Links already e-mailed are sent again only with `resend`.
 */
export async function emailSurveyLinks(
  viewer: Viewer,
  input: { surveyId: string; base: string; compose: ComposeMail; resend?: boolean },
  now = new Date(),
): Promise<{ sent: number }> {
  const survey = await db.survey.findFirst({
    where: { id: input.surveyId, deletedAt: null, account: { deletedAt: null, ...scopeWhere(viewer) } },
    include: { account: { select: { ownerId: true, teamId: true } } },
  });
  assertRecord(viewer, "edit", survey?.account ?? null, "survey");
  if (!smtpConfigured() || survey!.status !== "OPEN") return { sent: 0 };
  const invitations = await db.surveyInvitation.findMany({
    where: {
      surveyId: survey!.id,
      revokedAt: null,
      respondedAt: null,
      ...(input.resend ? {} : { emailedAt: null }),
      contact: { deletedAt: null, email: { not: null } },
    },
    include: { contact: { select: { name: true, email: true } } },
  });
  if (!invitations.length) return { sent: 0 };
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  const sentIds: string[] = [];
  for (const inv of invitations) {
    const mail = input.compose({
      locale: inv.locale === "en" ? "en" : "zh-CN",
      contactName: inv.contact.name,
      link: invitationLink(input.base, inv.tokenSalt),
      closesAt: inv.expiresAt,
    });
    await transport.sendMail({ from: process.env.SMTP_FROM, to: inv.contact.email!, ...mail });
    sentIds.push(inv.id);
  }
  await mutate(viewer, async ({ tx, audit }) => {
    await tx.surveyInvitation.updateMany({ where: { id: { in: sentIds } }, data: { emailedAt: now } });
    await audit({
      action: "survey.email",
      entity: "Survey",
      entityId: survey!.id,
      after: { invitationIds: sentIds, emailedAt: now },
    });
  });
  return { sent: sentIds.length };
}
