"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/types";
import { FieldMessage, useFormState } from "@/components/forms/action-form";
import { Input } from "@/components/ui/input";

/**
 * What the live check answers: the normalised code and whether an account already holds it —
 * `account` when the person may open it, null when not; `registered: null` when it was not looked
 * up (too many checks in a row: saving checks it).
 */
export type CreditCodeCheckResult =
  | { code: string | null; registered: false | null }
  | { code: string | null; registered: true; account: { id: string; name: string } | null };

export type CreditCodeCheck = (input: {
  creditCode?: string;
  accountId?: string;
}) => Promise<ActionState<CreditCodeCheckResult>>;

type Live =
  | { status: "checking" }
  | { status: "ok"; code: string }
  | { status: "registered"; account: { id: string; name: string } | null }
  | { status: "error"; errors: string[] };

/**
 * The unified social credit code (统一社会信用代码) with a live check: when the person leaves the
 * field, or has typed all 18 characters, the server validates the format and check character
 * (the same rule as on saving) and the result appears under the field. Without JavaScript the
 * check simply happens on saving.
 */
export function CreditCodeField({
  name = "creditCode",
  label,
  hint,
  defaultValue,
  check,
  messages,
  accountId,
  className,
}: {
  name?: string;
  label: string;
  hint: string;
  defaultValue?: string;
  check: CreditCodeCheck;
  /**
   * "Checking…", "Valid: {code}", "Already registered: {name}…" (an account the person may open)
   * and "Already registered…" (one they may not); placeholders left in.
   */
  messages: { checking: string; valid: string; registeredVisible: string; registeredHidden: string };
  /** The account being edited: its own code is not "already registered". */
  accountId?: string;
  className?: string;
}) {
  const id = useId();
  const state = useFormState();
  const submittedErrors = state.status === "error" ? state.fieldErrors?.[name] : undefined;
  const echoed =
    state.status === "error" && state.values && name in state.values ? state.values[name] : undefined;
  const value = (Array.isArray(echoed) ? echoed[0] : echoed) ?? defaultValue;
  const [live, setLive] = useState<Live | null>(null);
  const [edited, setEdited] = useState(false);
  const lastChecked = useRef<string | null>(null);
  const sequence = useRef(0);

  async function run(raw: string) {
    const normalised = raw.replace(/[\s-]/g, "").toUpperCase();
    if (normalised === lastChecked.current) return;
    lastChecked.current = normalised;
    if (!normalised) {
      setLive(null);
      return;
    }
    const mine = ++sequence.current;
    setLive({ status: "checking" });
    try {
      const result = await check({ creditCode: raw, ...(accountId ? { accountId } : {}) });
      if (mine !== sequence.current) return;
      if (result.status === "ok" && result.data?.registered)
        setLive({ status: "registered", account: result.data.account });
      else if (result.status === "ok") setLive({ status: "ok", code: result.data?.code ?? normalised });
      else if (result.status === "error")
        setLive({
          status: "error",
          errors: result.fieldErrors?.[name] ?? result.fieldErrors?.creditCode ?? [result.message],
        });
    } catch {
      if (mine === sequence.current) setLive(null); // offline: the check happens on saving
    }
  }

  // A live result wins; an error from the last save stays until the person edits the field.
  const errors = live
    ? live.status === "error"
      ? live.errors
      : undefined
    : edited
      ? undefined
      : submittedErrors;
  const [before, after = ""] = messages.registeredVisible.split("{name}");
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <Input
        id={id}
        name={name}
        defaultValue={value}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={24}
        className="font-mono uppercase tracking-wide"
        aria-describedby={`${hintId} ${statusId}`}
        invalid={!!errors?.length || live?.status === "registered"}
        onBlur={(e) => void run(e.currentTarget.value)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setEdited(true);
          if (v.replace(/[\s-]/g, "").length >= 18) void run(v);
          else if (live) {
            lastChecked.current = null;
            setLive(null);
          }
        }}
      />
      <p id={hintId} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      {/* Two lines are always kept for the result, so it never pushes the submit button away. */}
      <div id={statusId} aria-live="polite">
        {errors?.length ? (
          <FieldMessage lines={2}>{errors.join(" ")}</FieldMessage>
        ) : live?.status === "checking" ? (
          <FieldMessage lines={2} tone="info">
            {messages.checking}
          </FieldMessage>
        ) : live?.status === "registered" ? (
          <FieldMessage lines={2}>
            {live.account ? (
              <>
                {before}
                <Link
                  href={`/accounts/${encodeURIComponent(live.account.id)}`}
                  prefetch={false}
                  className="font-medium underline underline-offset-2"
                >
                  {live.account.name}
                </Link>
                {after}
              </>
            ) : (
              messages.registeredHidden
            )}
          </FieldMessage>
        ) : live?.status === "ok" ? (
          <FieldMessage lines={2} tone="success">
            <span aria-hidden="true">✓ </span>
            {messages.valid.replace("{code}", live.code)}
          </FieldMessage>
        ) : (
          <FieldMessage lines={2}>{null}</FieldMessage>
        )}
      </div>
    </div>
  );
}
