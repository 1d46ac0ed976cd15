"use client";

import { useActionState, useEffect } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { signInAction, type SignInState } from "./actions";

const IDLE: SignInState = { status: "idle" };

/**
 * The sign-in form posts to a server action: it works (and never puts the password in the URL)
 * even before the page's JavaScript has loaded.
 */
export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice: string | null }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(signInAction, IDLE);

  useEffect(() => {
    // A full navigation, so the whole app renders in the person's saved language.
    if (state.status === "ok") window.location.assign(state.to);
  }, [state]);

  const error = state.status === "error" ? state.message : null;
  const busy = pending || state.status === "ok";
  return (
    <form action={formAction} className="mt-6 space-y-4" aria-label={t("title")}>
      {notice && !error ? <Alert tone="info">{notice}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium text-slate-800">
          {t("email")}
        </label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          inputMode="email"
          maxLength={254}
          defaultValue={state.status === "error" ? state.email : undefined}
          key={state.status === "error" ? state.at : "initial"}
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
        />
      </div>
      <Button type="submit" className="w-full" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
