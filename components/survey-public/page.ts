import type { PublicQuestion, PublicSurvey } from "@/lib/data/surveys/public";
import { MAX_TEXT_ANSWER, type AnswerProblem } from "@/lib/domain/surveys";
import { SURVEY_SCRIPT, SURVEY_STYLE } from "./assets";
import { markup, SafeHtml, type HtmlPart } from "./html";

// The public survey page as HTML: the form (answer or edit), the thanks, and the bilingual pages
// for links that cannot be used, too many requests and oversized forms. Server-rendered, works
// with no JavaScript; one 400-byte inline script adds a live character count.

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What the form shows in each field: the earlier answer or what was just sent. */
export type FormValues = Record<string, string[]>;

function documentOf(lang: string, title: string, body: SafeHtml | SafeHtml[]) {
  return markup`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title}</title>
        <style>${new SafeHtml(SURVEY_STYLE)}</style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}

const inputId = (q: PublicQuestion, suffix: string | number) => `q-${q.key}-${suffix}`;

function picks(q: PublicQuestion, values: string[], t: Translate) {
  const min = q.min ?? 0;
  const max = q.max ?? 0;
  const numbers = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  const wide = numbers.length > 6 ? "eleven" : numbers.length === 5 ? "five" : "";
  const [low, high] =
    q.type === "NPS"
      ? [t("nps.low"), t("nps.high")]
      : q.type === "CSAT"
        ? [t("csat.low"), t("csat.high")]
        : [t("scale.low", { min }), t("scale.high", { max })];
  return markup`<div class="picks ${wide}">
      ${numbers.map(
        (n) =>
          markup`<label class="pick"><input type="radio" name="${q.key}" value="${n}" id="${inputId(q, n)}"${
            values.includes(String(n)) ? markup` checked` : ""
          }><span>${n}</span></label>`,
      )}
    </div>
    <div class="ends" id="${inputId(q, "ends")}"><span>${low}</span><span>${high}</span></div>`;
}

function options(q: PublicQuestion, values: string[], t: Translate) {
  const type = q.type === "MULTIPLE" ? "checkbox" : "radio";
  return markup`${q.type === "MULTIPLE" ? markup`<p class="hint">${t("multipleHint")}</p>` : ""}
    <div class="opts">
      ${q.options.map(
        (o, i) =>
          markup`<label class="opt"><input type="${type}" name="${q.key}" value="${o.key}" id="${inputId(q, i)}"${
            values.includes(o.key) ? markup` checked` : ""
          }><span>${o.label}</span></label>`,
      )}
    </div>`;
}

function question(q: PublicQuestion, values: string[], problem: AnswerProblem | undefined, t: Translate) {
  const error = problem
    ? markup`<p class="err" id="${inputId(q, "err")}">${t(`errors.${problem}`, { max: MAX_TEXT_ANSWER })}</p>`
    : "";
  const required = q.required
    ? markup`<span class="req" aria-hidden="true">*</span><span class="sr"> (${t("required")})</span>`
    : "";
  const cls = `card${problem ? " has-err" : ""}`;
  if (q.type === "TEXT") {
    const text = values.join("\n");
    return markup`<div class="${cls}">
      <label class="label" for="${inputId(q, "text")}">${q.label}${required}</label>
      <textarea name="${q.key}" id="${inputId(q, "text")}" maxlength="${MAX_TEXT_ANSWER}"
        data-count="${inputId(q, "count")}"
        aria-describedby="${inputId(q, "count")}${problem ? ` ${inputId(q, "err")}` : ""}"${
          q.required ? markup` aria-required="true"` : ""
        }${problem ? markup` aria-invalid="true"` : ""}>${"\n"}${text}</textarea>
      <span class="count" id="${inputId(q, "count")}">${t("textHint", { max: MAX_TEXT_ANSWER })}</span>
      ${error}
    </div>`;
  }
  const describedBy = [
    q.type === "SINGLE" || q.type === "MULTIPLE" ? null : inputId(q, "ends"),
    problem ? inputId(q, "err") : null,
  ].filter(Boolean);
  return markup`<fieldset class="${cls}"${
    describedBy.length ? markup` aria-describedby="${describedBy.join(" ")}"` : ""
  }>
    <legend>${q.label}${required}</legend>
    ${q.type === "SINGLE" || q.type === "MULTIPLE" ? options(q, values, t) : picks(q, values, t)} ${error}
  </fieldset>`;
}

function header(survey: PublicSurvey, t: Translate) {
  return markup`<header>
    <p class="company">${t("from", { company: survey.company })}</p>
    <h1>${survey.title}</h1>
    ${survey.intro ? markup`<p class="intro">${survey.intro}</p>` : ""}
  </header>`;
}

/** The questions, to answer or to change an earlier answer. */
export function renderSurveyForm(input: {
  survey: PublicSurvey;
  t: Translate;
  action: string;
  values: FormValues;
  problems?: Record<string, AnswerProblem>;
  editing: boolean;
}): string {
  const { survey, t, values, problems = {} } = input;
  const failed = Object.keys(problems).length > 0;
  const anyRequired = survey.questions.some((q) => q.required);
  const body = markup`<main>
      ${header(survey, t)}
      ${failed ? markup`<div class="summary" role="alert">${t("errors.summary")}</div>` : ""}
      ${anyRequired ? markup`<p class="note">${t("requiredNote")}</p>` : ""}
      <form method="post" action="${input.action}" accept-charset="utf-8" novalidate>
        ${survey.questions.map((q) => question(q, values[q.key] ?? [], problems[q.key], t))}
        <div class="actions">
          <button type="submit">${input.editing ? t("saveChanges") : t("submit")}</button>
          ${input.editing ? markup`<a class="link" href="${input.action}">${t("cancelEdit")}</a>` : ""}
        </div>
      </form>
    </main>
    <script>${new SafeHtml(SURVEY_SCRIPT)}</script>`;
  return documentOf(
    survey.locale,
    t("documentTitle", { title: survey.title, company: survey.company }),
    body,
  );
}

/** After answering: thanks, and the way back to change it while the survey is open. */
export function renderThanks(input: { survey: PublicSurvey; t: Translate; editHref: string }): string {
  const { survey, t } = input;
  const body = markup`<main>
    ${header(survey, t)}
    <div class="card message" role="status">
      <h2>${t("thanks.title")}</h2>
      <p>${t("thanks.body", { company: survey.company })}</p>
      ${
        survey.state === "open"
          ? markup`<p><a class="button" href="${input.editHref}">${t("thanks.edit")}</a></p>`
          : markup`<p>${t("thanks.closed")}</p>`
      }
    </div>
  </main>`;
  return documentOf(
    survey.locale,
    t("documentTitle", { title: survey.title, company: survey.company }),
    body,
  );
}

export type NoticeKind = "gone" | "tooMany" | "tooLarge" | "unavailable";

/**
 * A notice in both languages (Chinese first), for when the link's language is unknown. For "gone"
 * the page is the same bytes for every unknown, malformed, revoked or expired token.
 */
export function renderNotice(kind: NoticeKind, zh: Translate, en: Translate): string {
  const block = (t: Translate, lang: string): HtmlPart =>
    markup`<div class="message" lang="${lang}">
      <h1>${t(`${kind}.title`)}</h1>
      <p>${t(`${kind}.body`)}</p>
    </div>`;
  const body = markup`<main><div class="card">${block(zh, "zh-CN")}${block(en, "en")}</div></main>`;
  return documentOf("zh-CN", `${zh(`${kind}.title`)} · ${en(`${kind}.title`)}`, body);
}
