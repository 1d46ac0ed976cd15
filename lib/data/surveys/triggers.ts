import "server-only";

// CONTRACT (owned by the surveys slice; stub until it lands): sends the trigger's survey to the
// account's decision makers in its own transaction, after the caller's change committed.
// Idempotent per deal / complaint; returns null when the settings switch the trigger off or the
// account has no contact to ask.
export async function sendSurveyForTrigger(input: {
  accountId: string;
  trigger: "DEAL_WON" | "COMPLAINT_CLOSED";
  dealId?: string;
  complaintId?: string;
  contactIds?: readonly string[];
  actorId: string | null;
  now?: Date;
}): Promise<{ surveyId: string } | null> {
  void input;
  return null;
}
