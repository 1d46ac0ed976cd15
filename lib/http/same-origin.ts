// The one origin check for every state-changing request (server actions, route handlers, sign-in
// and sign-out): a browser always sends Origin with a POST, so a request whose Origin is missing
// or names another host did not come from our own pages (cross-site request forgery).

type HeaderSource = { get(name: string): string | null };

/** The host this request was addressed to, as the nearest trusted proxy (or the socket) reports it. */
export function requestHost(headers: HeaderSource): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

export function isSameOrigin(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  const host = requestHost(headers);
  if (!origin || !host || origin === "null") return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Methods that may change state and therefore need the origin check. */
export function isStateChanging(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}
