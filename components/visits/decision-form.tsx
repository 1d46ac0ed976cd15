import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/actions/types";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/forms/action-form";
import { RecordRef } from "@/components/forms/record-ref";

/**
 * Approve (批准) or return (退回) in one tap: the comment is optional to approve and required to
 * return. The record's version travels with it, so a plan changed meanwhile is not decided blindly.
 */
export async function DecisionForm({
  action,
  id,
  version,
  name,
}: {
  action: (
    state: ActionState<{ status: string }>,
    formData: FormData,
  ) => Promise<ActionState<{ status: string }>>;
  id: string;
  version: number;
  /** What is decided, for the buttons' accessible names ("Approve: 季度回顾 at 华东电力"). */
  name: string;
}) {
  const t = await getTranslations("visitPlans.decision");
  return (
    <ActionForm action={action} aria-label={t("formLabel", { name })} className="space-y-2">
      <RecordRef id={id} version={version} />
      <TextAreaField name="comment" label={t("comment")} hint={t("commentHint")} rows={2} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="decision" value="approve" aria-label={t("approveLabel", { name })}>
          {t("approve")}
        </SubmitButton>
        <SubmitButton
          name="decision"
          value="return"
          variant="secondary"
          aria-label={t("returnLabel", { name })}
        >
          {t("return")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
