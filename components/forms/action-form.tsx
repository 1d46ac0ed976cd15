"use client";

import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "@/lib/i18n/client";
import { FORM_SIZE_LIMIT_BYTES, formDataBytes } from "@/lib/actions/limits";
import type { ActionState } from "@/lib/actions/types";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

type FormAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

const FormStateContext = createContext<ActionState<unknown>>({ status: "idle" });

/**
 * A form bound to a server action. Shows the action's message, puts field errors beside their
 * fields, and after an error re-mounts the fields with what the person typed (nothing is lost).
 */
export function ActionForm<T = unknown>({
  action,
  children,
  className,
  onSuccess,
  resetOnSuccess = false,
  "aria-label": ariaLabel,
}: {
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  onSuccess?: (state: ActionState<T>) => void;
  resetOnSuccess?: boolean;
  "aria-label"?: string;
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as ActionState<T>);
  const [tooLarge, setTooLarge] = useState(false);
  const tErrors = useTranslations("errors");
  const handled = useRef(0);
  useEffect(() => {
    if (state.status === "ok" && state.at !== handled.current) {
      handled.current = state.at;
      onSuccess?.(state);
    }
  }, [state, onSuccess]);
  // Re-mount after an error so inputs show the echoed values; keep them after success unless asked.
  const key = state.status === "error" || (resetOnSuccess && state.status === "ok") ? state.at : 0;
  // A form too large to send is stopped here, with what was typed still in it (the server would
  // refuse it without reading it).
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const large = formDataBytes(new FormData(event.currentTarget)) > FORM_SIZE_LIMIT_BYTES;
    setTooLarge(large);
    if (large) event.preventDefault();
  }
  return (
    <FormStateContext.Provider value={state as ActionState<unknown>}>
      <form
        key={key}
        action={formAction}
        onSubmit={checkSize}
        className={cn("space-y-4", className)}
        aria-label={ariaLabel}
        noValidate
      >
        {tooLarge ? <Alert tone="error">{tErrors("TOO_LARGE")}</Alert> : null}
        {!tooLarge && state.status === "error" ? (
          <Alert tone="error">{state.fieldErrors?._form?.join(" ") ?? state.message}</Alert>
        ) : null}
        {state.status === "ok" && state.message ? <Alert tone="success">{state.message}</Alert> : null}
        {children}
      </form>
    </FormStateContext.Provider>
  );
}

export function useFormState() {
  return useContext(FormStateContext);
}

/** The value to show in a field: what was just submitted (after an error), else the record's. */
function useFieldValue(name: string, initial: string | undefined): string | undefined {
  const state = useFormState();
  if (state.status === "error" && state.values && name in state.values) {
    const v = state.values[name];
    return Array.isArray(v) ? v[0] : v;
  }
  return initial;
}

type FieldProps = { name: string; label: string; hint?: string; className?: string };

function FieldShell({
  name,
  label,
  hint,
  className,
  children,
}: FieldProps & { children: (ids: { id: string; describedBy?: string; errors?: string[] }) => ReactNode }) {
  const id = useId();
  const state = useFormState();
  const errors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, describedBy, errors })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={errorId}>{errors?.length ? errors.join(" ") : null}</FieldMessage>
    </div>
  );
}

/**
 * The line under a field where its message appears. The line is always there, empty or not, so a
 * message appearing (on leaving the field, or after saving) never pushes the fields and the submit
 * button below it down — a click aimed at the button as the message appears still lands on it.
 * A message longer than a line still takes the room it needs.
 */
export function FieldMessage({
  id,
  tone = "error",
  lines = 1,
  children,
}: {
  id?: string;
  tone?: "error" | "info" | "success";
  /** Lines kept: 2 for a field whose messages are long (they may name a record). */
  lines?: 1 | 2;
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      data-field-message=""
      className={cn(
        "mt-1 text-sm",
        lines === 2 ? "min-h-10" : "min-h-5",
        tone === "error" ? "text-red-700" : tone === "success" ? "text-emerald-800" : "text-slate-600",
      )}
    >
      {children}
    </p>
  );
}

export function TextField({
  name,
  label,
  hint,
  className,
  defaultValue,
  ...input
}: FieldProps &
  Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue"> & { defaultValue?: string }) {
  const value = useFieldValue(name, defaultValue);
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, errors }) => (
        <Input
          id={id}
          name={name}
          defaultValue={value}
          aria-describedby={describedBy}
          invalid={!!errors?.length}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  className,
  defaultValue,
  ...input
}: FieldProps &
  Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue"> & {
    defaultValue?: string;
  }) {
  const value = useFieldValue(name, defaultValue);
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, errors }) => (
        <Textarea
          id={id}
          name={name}
          defaultValue={value}
          aria-describedby={describedBy}
          invalid={!!errors?.length}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  hint,
  className,
  defaultValue,
  options,
  placeholder,
  ...select
}: FieldProps &
  Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue"> & {
    defaultValue?: string;
    options: { value: string; label: string }[];
    placeholder?: string;
  }) {
  const value = useFieldValue(name, defaultValue);
  return (
    <FieldShell name={name} label={label} hint={hint} className={className}>
      {({ id, describedBy, errors }) => (
        <Select
          id={id}
          name={name}
          defaultValue={value ?? ""}
          aria-describedby={describedBy}
          invalid={!!errors?.length}
          {...select}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </FieldShell>
  );
}

export function SubmitButton({ children, pendingLabel, ...props }: ButtonProps & { pendingLabel?: string }) {
  const { pending } = useFormStatus();
  const t = useTranslations("common");
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-busy={pending || undefined} {...props}>
      {pending ? (pendingLabel ?? t("saving")) : children}
    </Button>
  );
}
