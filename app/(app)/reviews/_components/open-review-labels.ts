import type { OpenReviewLabels } from "./open-review-form";

type Translate = (
  key: "title" | "person" | "choose" | "period" | "freezes" | "submit" | "exists" | "openExisting",
) => string;

/** The open-review form's words (reviews.open), handed to the client component as props. */
export function openReviewLabels(t: Translate): OpenReviewLabels {
  return {
    title: t("title"),
    person: t("person"),
    choose: t("choose"),
    period: t("period"),
    freezes: t("freezes"),
    submit: t("submit"),
    exists: t("exists"),
    openExisting: t("openExisting"),
  };
}
