// Signs in through next-auth's credentials endpoint with two small requests, instead of shipping
// next-auth/react (~10 kB gzip) to the sign-in page.

export type ClientSignInResult = { ok: true } | { ok: false; error: string };

export async function signInWithCredentials(
  email: string,
  password: string,
  callbackUrl: string,
): Promise<ClientSignInResult> {
  const csrf = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  if (!csrf.ok) return { ok: false, error: "UNAVAILABLE" };
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl, json: "true" }),
  });
  if (!response.ok && response.status !== 401) return { ok: false, error: "UNAVAILABLE" };
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  const error = data.url
    ? new URL(data.url, window.location.origin).searchParams.get("error")
    : "UNAVAILABLE";
  return error ? { ok: false, error } : { ok: true };
}
