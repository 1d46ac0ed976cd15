import "server-only";

// CONTRACT (owned by the complaints slice; stub until it lands): opens a complaint (channel SURVEY)
// from a low survey answer, first-responsibility owner = the account's owner. One per response.
export async function openComplaintFromSurvey(input: {
  surveyResponseId: string;
  now?: Date;
}): Promise<{ complaintId: string } | null> {
  void input;
  return null;
}
