// A survey link's secret. The token is HMAC-SHA256(server secret, salt): 256 bits no one can guess,
// which the server can derive again (to show or e-mail the link later) while the database keeps only
// the salt and the token's SHA-256 — a copy of the database alone opens no survey.
import { createHash, createHmac, randomBytes } from "node:crypto";

/** A fresh salt for a new invitation: 16 random bytes, base64url. */
export const newTokenSalt = () => randomBytes(16).toString("base64url");

/** The link's token for a salt: 43 base64url characters. */
export function deriveSurveyToken(secret: string, salt: string): string {
  return createHmac("sha256", secret).update(`survey-invitation:${salt}`).digest("base64url");
}

/** What the database keeps and looks the token up by. */
export const hashSurveyToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The shape of a token in a URL; anything else is answered like an unknown token, without a query. */
export const SURVEY_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The public path of a link (the page lives at app/s/[token]). */
export const surveyPath = (token: string) => `/s/${token}`;
