import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions/types";

/** "Run now" and the on/off switch of one job; each is a one-button form (works without script too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form's own result type
type FormAction = (state: ActionState<any>, formData: FormData) => Promise<ActionState<any>>;

export function JobControls({
  runJobNowAction,
  toggleJobAction,
  name,
  label,
  enabled,
  words,
}: {
  runJobNowAction: FormAction;
  toggleJobAction: FormAction;
  name: string;
  label: string;
  enabled: boolean;
  words: {
    runNow: string;
    running: string;
    turnOn: string;
    turnOff: string;
    runNowItem: string;
    toggleItem: string;
  };
}) {
  return (
    <div className="flex min-w-[14rem] flex-wrap items-start gap-2">
      <ActionForm action={runJobNowAction} className="space-y-2" aria-label={words.runNowItem}>
        <input type="hidden" name="name" value={name} />
        <SubmitButton
          size="sm"
          disabled={!enabled}
          pendingLabel={words.running}
          aria-label={words.runNowItem}
        >
          {words.runNow}
        </SubmitButton>
      </ActionForm>
      <ActionForm action={toggleJobAction} className="space-y-2" aria-label={words.toggleItem}>
        <input type="hidden" name="name" value={name} />
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <SubmitButton
          size="sm"
          variant="secondary"
          aria-label={`${enabled ? words.turnOff : words.turnOn} · ${label}`}
        >
          {enabled ? words.turnOff : words.turnOn}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
