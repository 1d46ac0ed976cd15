import "server-only";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import { mutate } from "../audit";
import { invitationLink } from "./links";
import { surveyForChange } from "./party";

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
  const survey = await surveyForChange(viewer, input.surveyId);
  if (!smtpConfigured() || survey.status !== "OPEN") return { sent: 0 };
  const reachable = { deletedAt: null, email: { not: null } };
  const person = { select: { name: true, email: true } };
  const invitations = await db.surveyInvitation.findMany({
    where: {
      surveyId: survey.id,
      revokedAt: null,
      respondedAt: null,
      ...(input.resend ? {} : { emailedAt: null }),
      OR: [{ contact: reachable }, { distributorContact: reachable }],
    },
    include: { contact: person, distributorContact: person },
  });
  if (!invitations.length) return { sent: 0 };
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  const sentIds: string[] = [];
  for (const inv of invitations) {
    const to = (inv.contact ?? inv.distributorContact)!;
    const mail = input.compose({
      locale: inv.locale === "en" ? "en" : "zh-CN",
      contactName: to.name,
      link: invitationLink(input.base, inv.tokenSalt),
      closesAt: inv.expiresAt,
    });
    await transport.sendMail({ from: process.env.SMTP_FROM, to: to.email!, ...mail });
    sentIds.push(inv.id);
  }
  await mutate(viewer, async ({ tx, audit }) => {
    await tx.surveyInvitation.updateMany({ where: { id: { in: sentIds } }, data: { emailedAt: now } });
    await audit({
      action: "survey.email",
      entity: "Survey",
      entityId: survey.id,
      after: { invitationIds: sentIds, emailedAt: now },
    });
  });
  return { sent: sentIds.length };
}
