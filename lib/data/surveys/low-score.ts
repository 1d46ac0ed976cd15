import "server-only";

// CONTRACT (owned by the surveys slice; stub until it lands): called after an answer is saved
// (and after it is edited). A low score gives the account's owner a LOW_SCORE follow-up and, if the
// administrator chose so, opens a complaint; refreshes the account's health. Idempotent.
export async function onSurveyAnswered(responseId: string, now = new Date()): Promise<void> {
  void responseId;
  void now;
}
