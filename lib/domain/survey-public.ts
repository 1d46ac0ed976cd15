// The public survey link's limits (满意度调研 by personal link): fixed rate windows, the size of a
// submitted form, and reading that form into the shape checkAnswers takes. Pure: the route handler
// and the data layer share these, and the unit tests pin them.

/** A fixed window of `windowMs`, starting at a multiple of it (every process agrees on its edges). */
export function fixedWindow(now: Date, windowMs: number): { start: Date; end: Date } {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), end: new Date(start + windowMs) };
}

export type RateRule = { name: string; limit: number; windowMs: number };

// A company's contacts often share one office address (NAT), so the per-address allowance is for a
// floor of people, not one person; a single link needs only a few submissions (answer, an edit).
export const SURVEY_RATE_RULES = {
  viewPerAddress: { name: "survey-view-ip", limit: 120, windowMs: 10 * 60_000 },
  submitPerAddress: { name: "survey-submit-ip", limit: 40, windowMs: 10 * 60_000 },
  submitPerToken: { name: "survey-submit-token", limit: 10, windowMs: 60 * 60_000 },
} as const satisfies Record<string, RateRule>;

/** The largest form body accepted (30 questions of 2,000 characters fit well within it). */
export const SURVEY_BODY_LIMIT_BYTES = 32 * 1024;
/** At most this many fields in one submission, and values for one question. */
export const SURVEY_MAX_FIELDS = 200;
export const SURVEY_MAX_VALUES_PER_FIELD = 20;
/** A form field name is a question key: short and plain; anything else is dropped unread. */
const FIELD_NAME = /^[A-Za-z0-9_-]{1,40}$/;

export type RawAnswers = Record<string, string | string[]>;

/**
 * Reads an application/x-www-form-urlencoded body into question key → value(s), keeping at most
 * SURVEY_MAX_FIELDS pairs and SURVEY_MAX_VALUES_PER_FIELD values per key; null when the body has
 * more than that (a real form never does). Fields whose names start with "_" are the form's own.
 */
export function readSurveyForm(body: string): RawAnswers | null {
  const params = new URLSearchParams(body);
  const raw: RawAnswers = Object.create(null) as RawAnswers;
  let fields = 0;
  for (const [name, sent] of params) {
    // Browsers send a text area's line breaks as CRLF; maxlength counted each as one character.
    const value = sent.replace(/\r\n?/g, "\n");
    if (++fields > SURVEY_MAX_FIELDS) return null;
    if (!FIELD_NAME.test(name) || name.startsWith("_")) continue;
    const seen = raw[name];
    if (seen === undefined) raw[name] = value;
    else {
      const list = Array.isArray(seen) ? seen : [seen];
      if (list.length >= SURVEY_MAX_VALUES_PER_FIELD) return null;
      raw[name] = [...list, value];
    }
  }
  return raw;
}

/** Seconds until the window that refused a request ends (for Retry-After), at least 1. */
export const retryAfterSeconds = (now: Date, windowEnd: Date) =>
  Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000));

/** What a link may do now: take (or edit) an answer, show the answer read-only, or nothing at all. */
export type LinkState = "open" | "closed" | "gone";

/**
 * A link is open while it and its survey are: not revoked, not deleted, survey OPEN and before its
 * closing time, link before its expiry. After that, a person who answered sees their thanks
 * read-only; anyone else gets "gone" — answered exactly like an unknown token.
 */
export function linkState(
  link: {
    revokedAt: Date | null;
    expiresAt: Date;
    answered: boolean;
    survey: { status: "OPEN" | "CLOSED"; closesAt: Date; deletedAt: Date | null };
  },
  now: Date,
): LinkState {
  if (link.revokedAt || link.survey.deletedAt) return "gone";
  const open =
    link.survey.status === "OPEN" &&
    link.survey.closesAt.getTime() > now.getTime() &&
    link.expiresAt.getTime() > now.getTime();
  if (open) return "open";
  return link.answered ? "closed" : "gone";
}
