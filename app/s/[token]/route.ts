import { createTranslator } from "use-intl/core";
import { SURVEY_HEADERS } from "@/components/survey-public/assets";
import {
  renderNotice,
  renderSurveyForm,
  renderThanks,
  type FormValues,
  type NoticeKind,
} from "@/components/survey-public/page";
import { submitSurveyAnswer } from "@/lib/data/surveys/answer";
import { loadPublicSurvey, takeSurveyViewAllowance, type PublicSurvey } from "@/lib/data/surveys/public";
import { readSurveyForm, SURVEY_BODY_LIMIT_BYTES, type RawAnswers } from "@/lib/domain/survey-public";
import type { AnswerProblem, SurveyAnswers } from "@/lib/domain/surveys";
import { isDatabaseUnavailable } from "@/lib/errors";
import { afterResponse } from "@/lib/http/after-response";
import { clientAddressFrom } from "@/lib/http/client-address";
import { isSameOrigin } from "@/lib/http/same-origin";
import type { AppLocale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";

// The survey a customer's contact answers from their personal link (满意度调研), the one page
// reachable without signing in. Served as plain HTML from this route handler rather than a React
// page, so no framework JavaScript reaches the phone (WeChat's browser included) and the CSP allows
// nothing but the page's own inline style and 400-byte script. The token in the URL is the only
// credential; every link that cannot be used gets the same 404 page, byte for byte.

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };
type Translate = (key: string, values?: Record<string, string | number>) => string;

const page = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", ...SURVEY_HEADERS, ...extra },
  });

/**
 * The link's language decides, not the visitor's browser, cookie or session: the catalogue is
 * read directly rather than through the app's request configuration (which picks the visitor's).
 */
const translatorFor = (locale: AppLocale) =>
  createTranslator({
    locale,
    messages: messagesFor(locale) as never,
    namespace: "surveyPublic" as never,
  }) as unknown as Translate;

async function notice(kind: NoticeKind, status: number, extra?: Record<string, string>) {
  return page(renderNotice(kind, translatorFor("zh-CN"), translatorFor("en")), status, extra);
}

const translator = async (survey: PublicSurvey) => translatorFor(survey.locale);

/** The stored answer as the form's field values. */
function valuesOf(answers: SurveyAnswers | RawAnswers | null): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(answers ?? {})) {
    values[key] = (Array.isArray(value) ? value : [value]).map(String);
  }
  return values;
}

const clientAddress = (request: Request) => clientAddressFrom(request.headers) ?? "unknown";

async function failure(error: unknown) {
  if (isDatabaseUnavailable(error)) return notice("unavailable", 503, { "Retry-After": "30" });
  throw error;
}

export async function GET(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  try {
    const allowance = await takeSurveyViewAllowance(clientAddress(request), now);
    if (!allowance.allowed) {
      return notice("tooMany", 429, { "Retry-After": String(allowance.retryAfterSeconds) });
    }
    const survey = await loadPublicSurvey(token, now);
    if (!survey) return notice("gone", 404);
    const t = await translator(survey);
    const self = `/s/${token}`;
    const editing = survey.state === "open" && new URL(request.url).searchParams.get("edit") === "1";
    if (survey.answers && !editing) return page(renderThanks({ survey, t, editHref: `${self}?edit=1` }), 200);
    return page(
      renderSurveyForm({ survey, t, action: self, values: valuesOf(survey.answers), editing }),
      200,
    );
  } catch (error) {
    return failure(error);
  }
}

/** The body as text, or null when it is larger than a survey form can be. */
async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > SURVEY_BODY_LIMIT_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // A body without a length (chunked) is cut off here, not after it has all been buffered.
    if (size > SURVEY_BODY_LIMIT_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: Request, { params }: Params) {
  const { token } = await params;
  const now = new Date();
  // The proxy checks this too; a state-changing handler checks it itself (defence in depth).
  if (!isSameOrigin(request.headers)) return notice("gone", 403);
  try {
    const body = await readBody(request);
    const raw = body === null ? null : readSurveyForm(body);
    if (!raw) return notice("tooLarge", 413);
    const outcome = await submitSurveyAnswer({
      token,
      raw,
      ip: clientAddress(request),
      now,
      // The low-score follow-up and the account's health are worked out after the reply is sent.
      afterResponse,
    });
    switch (outcome.kind) {
      case "rateLimited":
        return notice("tooMany", 429, { "Retry-After": String(outcome.retryAfterSeconds) });
      case "gone":
        return notice("gone", 404);
      case "saved":
      case "closed":
        // Post/redirect/get: the thanks page, which a reload does not submit again.
        return new Response(null, { status: 303, headers: { ...SURVEY_HEADERS, Location: `/s/${token}` } });
      case "invalid": {
        const survey = await loadPublicSurvey(token, now);
        if (!survey) return notice("gone", 404);
        const t = await translator(survey);
        return page(
          renderSurveyForm({
            survey,
            t,
            action: `/s/${token}`,
            values: valuesOf(raw),
            problems: outcome.problems as Record<string, AnswerProblem>,
            editing: !!survey.answers,
          }),
          422,
        );
      }
    }
  } catch (error) {
    return failure(error);
  }
}
