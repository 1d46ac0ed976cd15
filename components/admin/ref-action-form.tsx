import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/types";
import { ActionForm, SubmitButton } from "@/components/forms/action-form";
import type { ButtonProps } from "@/components/ui/button";
import { RecordRef } from "@/components/forms/record-ref";

/**
 * A one-button form for delete / restore / reactivate: the record's id and the version the
 * administrator saw travel as hidden fields, so acting on a record someone has just changed is
 * refused with the CONFLICT message rather than applied blindly.
 */
export function RefActionForm<T>({
  action,
  id,
  version,
  label,
  buttonLabel,
  variant = "secondary",
  size = "sm",
  className,
  children,
}: {
  action: (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  id: string;
  version: number;
  /** Accessible name of the button, e.g. "Restore East China Region"; must contain `buttonLabel`. */
  label?: string;
  buttonLabel: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
  children?: ReactNode;
}) {
  return (
    <ActionForm action={action} className={className ?? "space-y-2"}>
      <RecordRef id={id} version={version} />
      {children}
      <SubmitButton variant={variant} size={size} aria-label={label}>
        {buttonLabel}
      </SubmitButton>
    </ActionForm>
  );
}
