"use client";

import { useState, type FormEvent } from "react";
import { signInWithCredentials } from "@/lib/auth/client-sign-in";
import { useTranslations } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice: string | null }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signInWithCredentials(
        String(form.get("email") ?? ""),
        String(form.get("password") ?? ""),
        callbackUrl,
      );
      if (result.ok) {
        // A full navigation, so the whole app renders in the person's saved language.
        window.location.assign(callbackUrl);
        return;
      }
      const code = result.error;
      if (code.startsWith("THROTTLED:"))
        setError(t("throttled", { seconds: Number(code.split(":")[1]) || 30 }));
      else if (code === "INACTIVE") setError(t("inactive"));
      else if (code === "CredentialsSignin") setError(t("invalid"));
      else setError(t("unexpected"));
    } catch {
      setError(t("unexpected"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" aria-label={t("title")}>
      {notice && !error ? <Alert tone="info">{notice}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
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
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
