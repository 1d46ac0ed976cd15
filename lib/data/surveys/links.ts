import "server-only";
import { deriveSurveyToken, hashSurveyToken, newTokenSalt, surveyPath } from "@/lib/auth/survey-token";

// Personal survey links. The token is derived from the invitation's salt with the server secret, so
// a link can be shown (copied, drawn as a QR code, e-mailed) again at any time without storing it.

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: survey links cannot be derived");
  return value;
}

/** A new invitation's stored secret material: the salt and the hash of the token it yields. */
export function newInvitationSecret(): { tokenSalt: string; tokenHash: string } {
  const tokenSalt = newTokenSalt();
  return { tokenSalt, tokenHash: hashSurveyToken(deriveSurveyToken(secret(), tokenSalt)) };
}

/** The absolute link of an invitation: the public base address + /s/<token>. */
export function invitationLink(base: string, tokenSalt: string): string {
  return `${base.replace(/\/+$/, "")}${surveyPath(deriveSurveyToken(secret(), tokenSalt))}`;
}
