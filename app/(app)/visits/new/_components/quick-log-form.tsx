"use client";

import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import type { ActionState } from "@/lib/actions/types";
import { chinaDateTimeLocal } from "@/lib/domain/visit-records";
import { VISIT_METHODS, VISIT_OUTCOMES, type VisitMethod } from "@/lib/domain/visits";
import { formDataToObject } from "@/lib/actions/form-data";
import { putOutbox } from "@/components/visits/outbox-store";
import { sendRecord } from "@/components/visits/outbox-send";
import type { ShrunkPhoto } from "@/components/visits/photo-resize";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { VisitAccountContext } from "../account-context";
import { AccountPicker } from "./account-picker";
import { CheckInPanel, type CheckIn } from "./check-in";
import { PhotoPicker } from "./photo-picker";

type Plan = { id: string; purpose: string; method: VisitMethod; place: string | null; contactIds: string[] };

/** A v4 UUID; crypto.randomUUID where the page is a secure context, random bytes elsewhere. */
function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * 快速记录拜访: account, method, talking points, next step and a big save button on the first screen
 * of a phone; everything else behind "more details". The record's clientId is made when the form
 * opens. Saved online it opens the record; with no network it waits in the browser's queue and is
 * sent when the network returns (components/visits/outbox-*).
 */
export function QuickLogForm({
  initialAccount,
  plan,
  initialDealId,
  radiusM,
  search,
  initialOptions,
  loadAccount,
}: {
  initialAccount: VisitAccountContext | null;
  plan: Plan | null;
  initialDealId: string | null;
  radiusM: number;
  search: (input: { q: string }) => Promise<ActionState<{ id: string; name: string }[]>>;
  /** The accounts offered before anything is typed, rendered with the page (no shift as they load). */
  initialOptions: { id: string; name: string }[] | null;
  loadAccount: (input: { accountId: string }) => Promise<ActionState<VisitAccountContext>>;
}) {
  const t = useTranslations("visits");
  const router = useRouter();
  const clientId = useRef<string | null>(null);
  const [account, setAccount] = useState<VisitAccountContext | { id: string; name: string } | null>(
    initialAccount,
  );
  const [dealId, setDealId] = useState(initialDealId ?? "");
  const [checkIn, setCheckIn] = useState<CheckIn | null>(null);
  const [photos, setPhotos] = useState<ShrunkPhoto[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success" | "info"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [formKey, setFormKey] = useState(0);

  // Made in the browser when the form opens (not in the server's render), one per record.
  useEffect(() => {
    clientId.current = newClientId();
  }, [formKey]);

  const context = account && "contacts" in account ? account : null;
  const deal = context?.deals.find((d) => d.id === dealId) ?? null;

  const choose = useCallback(
    async (option: { id: string; name: string }) => {
      setAccount(option);
      setDealId("");
      setCheckIn(null);
      try {
        const result = await loadAccount({ accountId: option.id });
        if (result.status === "ok" && result.data) setAccount(result.data);
      } catch {
        // Offline: the record can still be logged against the account; the extras wait.
      }
    },
    [loadAccount],
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const id = (clientId.current ??= newClientId());
    const fields = formDataToObject(new FormData(event.currentTarget));
    const body: Record<string, unknown> = {
      ...fields,
      clientId: id,
      // Stamped now, so a record sent later from the queue keeps the time it was logged.
      visitedAt: (fields.visitedAt as string | undefined) || chinaDateTimeLocal(new Date()),
      ...(checkIn
        ? {
            checkInLatitude: String(checkIn.latitude),
            checkInLongitude: String(checkIn.longitude),
            checkInAccuracyM: String(Math.min(100_000, Math.round(checkIn.accuracy))),
            checkInAt: chinaDateTimeLocal(new Date(checkIn.at)),
          }
        : {}),
      photos: photos.map((p) => ({ data: p.data, width: String(p.width), height: String(p.height) })),
    };
    setErrors({});
    setMessage(null);
    if (!account) {
      setErrors({ accountId: [t("new.accountRequired")] });
      return;
    }
    setSaving(true);
    const result = await sendRecord(body);
    setSaving(false);
    if (result.kind === "sent") {
      router.push(`/visits/${encodeURIComponent(result.id)}?saved=1`);
      return;
    }
    if (result.kind === "refused") {
      setErrors(result.fieldErrors ?? {});
      setMessage({ tone: "error", text: result.fieldErrors?._form?.join(" ") ?? result.message });
      return;
    }
    try {
      await putOutbox({ clientId: id, body, accountName: account.name, savedAt: Date.now() });
    } catch {
      setMessage({ tone: "error", text: t("new.queueFailed") });
      return;
    }
    // A fresh form for the next visit; this one waits in the queue.
    setPhotos([]);
    setCheckIn(null);
    setFormKey((k) => k + 1);
    setMessage({ tone: "info", text: t("new.queued") });
  }

  const err = (name: string) => errors[name]?.join(" ");
  const methodDefault = plan?.method ?? "IN_PERSON";

  return (
    <form key={formKey} onSubmit={submit} noValidate aria-label={t("new.title")} className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {plan ? (
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900">
          {t("new.closesPlan", { purpose: plan.purpose })}
          <input type="hidden" name="planId" value={plan.id} />
        </p>
      ) : null}
      <AccountPicker
        chosen={account}
        onChoose={choose}
        onClear={() => setAccount(null)}
        search={search}
        initialOptions={initialOptions}
        error={err("accountId")}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("fields.method")}</legend>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
          {VISIT_METHODS.map((m) => (
            <label
              key={m}
              className="flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 px-2 text-center text-sm text-slate-800 has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-700 has-[:checked]:text-white has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600"
            >
              <input
                type="radio"
                name="method"
                value={m}
                defaultChecked={m === methodDefault}
                className="sr-only"
              />
              {t(`methods.${m}`)}
            </label>
          ))}
        </div>
        <Message>{err("method")}</Message>
      </fieldset>
      <Field label={t("fields.talkingPoints")} error={err("talkingPoints")}>
        {(p) => <Textarea {...p} name="talkingPoints" rows={3} required defaultValue={plan?.purpose ?? ""} />}
      </Field>
      <Field label={t("fields.nextStep")} error={err("nextStep")}>
        {(p) => <Input {...p} name="nextStep" autoComplete="off" />}
      </Field>

      <Disclosure summary={t("new.moreDetails")}>
        <div className="space-y-4">
          <Field label={t("fields.visitedAt")} hint={t("new.visitedAtHint")} error={err("visitedAt")}>
            {(p) => <Input {...p} name="visitedAt" type="datetime-local" />}
          </Field>
          <Field label={t("fields.place")} error={err("place")}>
            {(p) => <Input {...p} name="place" defaultValue={plan?.place ?? ""} />}
          </Field>
          {context?.contacts.length ? (
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-800">{t("fields.contacts")}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {context.contacts.map((c) => (
                  <label key={c.id} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      name="contactIds"
                      value={c.id}
                      defaultChecked={plan?.contactIds.includes(c.id)}
                      className="h-5 w-5"
                    />
                    {c.title ? `${c.name} · ${c.title}` : c.name}
                  </label>
                ))}
              </div>
              <Message>{err("contactIds")}</Message>
            </fieldset>
          ) : null}
          <Field label={t("fields.customerViews")} error={err("customerViews")}>
            {(p) => <Textarea {...p} name="customerViews" rows={3} />}
          </Field>
          <Field label={t("fields.suggestions")} error={err("suggestions")}>
            {(p) => <Textarea {...p} name="suggestions" rows={2} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t("fields.outcome")} error={err("outcome")}>
              {(p) => (
                <Select {...p} name="outcome" defaultValue="">
                  <option value="">{t("new.outcomeNone")}</option>
                  {VISIT_OUTCOMES.map((o) => (
                    <option key={o} value={o}>
                      {t(`outcomes.${o}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t("fields.durationMinutes")} error={err("durationMinutes")}>
              {(p) => <Input {...p} name="durationMinutes" inputMode="numeric" />}
            </Field>
            <Field label={t("fields.cost")} error={err("cost")}>
              {(p) => <Input {...p} name="cost" inputMode="decimal" />}
            </Field>
          </div>
          {context?.deals.length ? (
            <div className="space-y-2">
              <Field label={t("fields.deal")} error={err("dealId")}>
                {(p) => (
                  <Select {...p} name="dealId" value={dealId} onChange={(e) => setDealId(e.target.value)}>
                    <option value="">{t("new.dealNone")}</option>
                    {context.deals.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              {deal?.ticks.length ? (
                <fieldset>
                  <legend className="mb-1 text-sm text-slate-700">{t("new.ticks")}</legend>
                  {deal.ticks.map((tick) => (
                    <label
                      key={tick.item}
                      className="flex min-h-11 items-center gap-2 text-sm text-slate-800"
                    >
                      <input
                        type="checkbox"
                        name="tickWork"
                        value={tick.item}
                        defaultChecked={tick.done}
                        disabled={tick.done}
                        className="h-5 w-5"
                      />
                      {t(`ticks.${tick.item}`)}
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </div>
          ) : initialDealId ? (
            <input type="hidden" name="dealId" value={initialDealId} />
          ) : null}
          <PhotoPicker photos={photos} onChange={setPhotos} />
          <Message>{err("photos")}</Message>
          {account ? (
            <CheckInPanel
              accountLocation={context?.location ?? null}
              mayEditAccount={context?.mayEdit ?? false}
              radiusM={radiusM}
              value={checkIn}
              onChange={setCheckIn}
            />
          ) : null}
        </div>
      </Disclosure>

      <Button
        type="submit"
        className="h-12 w-full text-base sm:h-12"
        disabled={saving}
        aria-busy={saving || undefined}
      >
        {saving ? t("new.saving") : t("new.save")}
      </Button>
    </form>
  );
}

function Message({ id, children }: { id?: string; children?: ReactNode }) {
  return (
    <p id={id} className="mt-1 min-h-5 text-sm text-red-700">
      {children}
    </p>
  );
}

type ControlProps = { id: string; "aria-describedby"?: string; invalid?: boolean };

/** A labelled control with its hint and a reserved line for its error. */
function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy || undefined, invalid: !!error })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <Message id={`${id}-error`}>{error}</Message>
    </div>
  );
}
